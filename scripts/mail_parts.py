#!/usr/bin/python3
"""Reads an e-mail as a mail client would (Python's email package, RFC 5322/MIME) and
prints what it holds as JSON: the decoded subject, the plain-text body and each
attachment's file name, type, size and first bytes. For okod's tests: an .eml okod
wrote is checked by a parser that is not okod's own."""
import json
import sys
from email import policy
from email.parser import BytesParser


def main(path):
    with open(path, "rb") as f:
        message = BytesParser(policy=policy.default).parse(f)
    body = message.get_body(preferencelist=("plain",))
    attachments = []
    for part in message.iter_attachments():
        data = part.get_content()
        if isinstance(data, str):
            data = data.encode("utf-8")
        attachments.append({
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "size": len(data),
            "head": data[:64].decode("latin-1"),
        })
    print(json.dumps({
        "subject": str(message["subject"]),
        "to": str(message["to"]),
        "content_type": message.get_content_type(),
        "text": body.get_content() if body is not None else "",
        "attachments": attachments,
    }, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: mail_parts.py FILE.eml")
    main(sys.argv[1])
