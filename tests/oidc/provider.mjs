// A real OpenID Connect provider (oidc-provider, pinned in package-lock.json) on
// 127.0.0.1 for okod's sign-in tests: the part a municipality's Entra ID or Keycloak
// plays. Started by tests/support/oidc_provider.cpp as a child process:
//
//   node provider.mjs '<json>'
//
// with {"port": 12345, "clients": [{client_id, client_secret, redirect_uris,
// token_endpoint_auth_method?, id_token_signed_response_alg?}], "accounts": [{login,
// email, name, email_verified?}], "id_token_ttl_seconds"?: 3600}. It prints
// "listening on <issuer>" once it accepts connections.
//
// Signing keys (one RSA for RS256, one P-256 for ES256) are made anew at every start,
// so a restart on the same port is a key rotation as a client sees it. Sign-in uses the
// provider's development forms: any password, a login from "accounts"; consent is
// asked and must be posted like a browser would.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.argv[2] ?? '{}');
const port = Number(settings.port);
if (!Number.isInteger(port) || port <= 0) {
    console.error('usage: node provider.mjs \'{"port": 12345, "clients": [...], ...}\'');
    process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

function signingKey(type, options, alg) {
    const { privateKey } = generateKeyPairSync(type, options);
    return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg, use: 'sig' };
}
const jwks = {
    keys: [
        signingKey('rsa', { modulusLength: 2048 }, 'RS256'),
        signingKey('ec', { namedCurve: 'P-256' }, 'ES256'),
    ],
};

const accounts = new Map((settings.accounts ?? []).map((a) => [a.login, a]));

const provider = new Provider(issuer, {
    clients: (settings.clients ?? []).map((c) => ({
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        ...c,
    })),
    jwks,
    // Entra ID and Keycloak put the profile and e-mail claims in the ID token itself;
    // oidc-provider by default keeps them for the userinfo endpoint.
    conformIdTokenClaims: false,
    claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name', 'preferred_username'],
    },
    pkce: { required: () => true },
    ttl: {
        IdToken: settings.id_token_ttl_seconds ?? 3600,
        AccessToken: 3600,
        AuthorizationCode: 60,
        Interaction: 600,
        Session: 3600,
        Grant: 3600,
    },
    async findAccount(ctx, id) {
        const account = accounts.get(id);
        if (!account) return undefined;
        return {
            accountId: id,
            async claims() {
                return {
                    sub: id,
                    email: account.email,
                    email_verified: account.email_verified ?? true,
                    name: account.name,
                    preferred_username: account.login,
                };
            },
        };
    },
});
// Only loopback: nothing here is for another machine.
const server = provider.listen(port, '127.0.0.1', () => {
    console.log(`listening on ${issuer}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
    // Keep-alive connections would hold close() up for seconds: end them at once.
    process.on(signal, () => {
        server.close(() => process.exit(0));
        server.closeAllConnections();
    });
}
