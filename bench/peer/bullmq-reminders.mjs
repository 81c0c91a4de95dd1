// The peer of `okod_bench reminders` (bench/reminders.cpp, BENCHMARKS.md): the same
// reminder workload on BullMQ with Redis. Starts nothing: it connects to a redis-server
// on 127.0.0.1 that the caller started (bench/peer/run.sh starts one with AOF on and
// appendfsync always) and refuses one that holds any data.
//
//   node bench/peer/bullmq-reminders.mjs --port P [--count 100000] [--batch 1000]
//        [--record returnvalue|script] [--concurrency 1] [--deadlines spread|ordered]
//        [--timeout-s 900]
//
// schedule: N delayed jobs, one per reminder (municipality, task id, role, title, the
//   task's deadline, lead days, idempotency key as the job id), added with addBulk in
//   chunks of --batch (one MULTI each), as okod writes them in transactions of 1,000.
// fire: a Worker (--concurrency 1 by default, BullMQ's default and okod's one strand)
//   takes each job once it is due, resolves the role to its holder at that moment (as
//   okod does) and records the reminder durably:
//   --record returnvalue  the outbox row is the job's return value, which BullMQ stores
//       in the same script that moves the job to completed (one durable write a job;
//       BullMQ's own events stream gets the 'completed' line);
//   --record script  the outbox row (idempotent on its key) and an event-log line are
//       written by one Lua script, then BullMQ completes the job (two durable writes a
//       job: BullMQ's completion cannot join the processor's write).
// Prints a `result key=value ...` line with the same keys as okod_bench reminders.
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = { port: 0, count: 100000, batch: 1000, record: 'returnvalue', concurrency: 1, deadlines: 'spread',
                 timeoutS: 900 };
  const names = { '--port': 'port', '--count': 'count', '--batch': 'batch', '--record': 'record',
                  '--concurrency': 'concurrency', '--deadlines': 'deadlines', '--timeout-s': 'timeoutS' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i]];
    if (!name || i + 1 >= argv.length) throw new Error(`unknown option or missing value: ${argv[i]}`);
    opts[name] = ['record', 'deadlines'].includes(name) ? argv[i + 1] : Number(argv[i + 1]);
  }
  for (const k of ['port', 'count', 'batch', 'concurrency', 'timeoutS'])
    if (!Number.isInteger(opts[k]) || opts[k] <= 0) throw new Error(`--${k} must be a positive whole number`);
  if (!['returnvalue', 'script'].includes(opts.record)) throw new Error('--record is returnvalue or script');
  if (!['spread', 'ordered'].includes(opts.deadlines)) throw new Error('--deadlines is spread or ordered');
  return opts;
}

// The first 342 real municipalities, as okod_bench reads them.
function municipalities() {
  const lines = readFileSync(join(here, '..', 'data', 'municipalities-2023.csv'), 'utf8').trim().split('\n');
  return lines.slice(1, 343).map((l) => l.split(',')[0]);
}

// The same four tasks and roles as bench/reminders.cpp, each held by one person.
const TASK_KINDS = [
  { spec: 'core-team', title: 'Lokaal kernteam vormen', role: 'regisseur', person: 'sanne', email: 'sanne.vermeulen@maastricht.example' },
  { spec: 'ggd-survey', title: 'Afname jeugdmonitor met de GGD afstemmen', role: 'ggd-contact', person: 'bram', email: 'bram.hendriks@ggdzl.example' },
  { spec: 'schools', title: 'Scholen informeren over de afname', role: 'school-contact', person: 'lotte', email: 'lotte.janssen@maastricht.example' },
  { spec: 'policy-note', title: 'Beleidsnotitie preventie voorbereiden', role: 'beleidsmedewerker', person: 'eva', email: 'eva.smeets@maastricht.example' },
];
const LEAD_DAYS = 14;
const SCHEDULED_ON = Date.UTC(2026, 0, 5, 16, 0, 0); // 2026-01-05 17:00 in Amsterdam
const DAY_MS = 86400 * 1000;
// Real delays are days; here they spread over one second after the add, in the same
// order as okod's reminders, so every job is due by the time the worker starts.
const SPREAD_MS = 1000;

// Job n: the same reminder as okod's task n, with the same deadline day (see
// deadline_day in bench/reminders.cpp: spread is day n mod 365, ordered rises with n).
function jobFor(n, opts, codes, enqueuedAt) {
  const kind = TASK_KINDS[n % TASK_KINDS.length];
  const taskId = n + 1;
  const day = opts.deadlines === 'ordered' ? Math.floor(n * 365 / opts.count) : n % 365;
  const due = SCHEDULED_ON + (60 + day) * DAY_MS;
  return {
    name: 'reminder',
    data: { municipality: codes[n % codes.length], taskId, workflow: 'implementation-trajectory',
            task: `${kind.spec}#${n}`, title: kind.title, role: kind.role, due: new Date(due).toISOString(),
            leadDays: LEAD_DAYS },
    opts: { jobId: `reminder/${taskId}/${LEAD_DAYS}`, delay: 1 + Math.floor(day * SPREAD_MS / 365) },
    dueAt: enqueuedAt + 1 + SPREAD_MS,
  };
}

// Resolve the role's holder, write the outbox row once per key and the event line: one
// atomic script, as okod's one transaction.
const RECORD_SCRIPT = `
local holder = redis.call('HGET', KEYS[1], ARGV[1])
if not holder then return 0 end
local h = cjson.decode(holder)
local key = ARGV[2] .. '/' .. h.person
local row = cjson.decode(ARGV[3])
row.key = key
row.person_id = h.person
row.recipient = h.email
row.language = h.language
if redis.call('HSETNX', KEYS[2], key, cjson.encode(row)) == 0 then return 0 end
redis.call('RPUSH', KEYS[3], key)
redis.call('XADD', KEYS[4], '*', 'at', row.created_at, 'municipality', row.municipality, 'kind', 'reminder',
           'task', ARGV[4], 'title', ARGV[5], 'role', row.role, 'person', h.person, 'due', row.due,
           'lead_days', row.lead_days)
return 1
`;

function outboxRow(job, holder) {
  const d = job.data;
  const due = Math.floor(Date.parse(d.due) / 1000);
  return { key: `${d.taskId}/reminder/${d.leadDays}/${due}/${holder?.person ?? ''}`, created_at: Math.floor(Date.now() / 1000),
           municipality: d.municipality, task_id: d.taskId, kind: 'reminder', role: d.role,
           person_id: holder?.person ?? '', recipient: holder?.email ?? '', language: holder?.language ?? 'nl',
           lead_days: d.leadDays, due, late: false, status: 'pending', attempts: 0 };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const connection = { host: '127.0.0.1', port: opts.port, maxRetriesPerRequest: null };
  const redis = new IORedis(connection);
  redis.defineCommand('recordReminder', { numberOfKeys: 4, lua: RECORD_SCRIPT });
  if ((await redis.dbsize()) !== 0) throw new Error(`redis on 127.0.0.1:${opts.port} holds data: not touching it`);
  const [, appendonly] = await redis.config('GET', 'appendonly');
  const [, appendfsync] = await redis.config('GET', 'appendfsync');
  const durability = appendonly === 'yes' ? `redis-aof-${appendfsync}` : 'redis-no-aof';
  const version = (await redis.info('server')).match(/redis_version:(\S+)/)[1];

  // Setup, not measured: who holds which role, as okod's store has it from the config.
  const codes = municipalities();
  for (const code of codes) {
    const fields = [];
    for (const k of TASK_KINDS)
      fields.push(k.role, JSON.stringify({ person: `${code}-${k.person}`, email: k.email, language: 'nl' }));
    await redis.hset(`okod:holders:${code}`, ...fields);
  }

  const queue = new Queue('reminders', { connection });
  await queue.waitUntilReady();

  const scheduleStarted = performance.now();
  let lastDue = 0;
  for (let n = 0; n < opts.count;) {
    const chunk = [];
    const now = Date.now();
    for (const until = Math.min(opts.count, n + opts.batch); n < until; ++n) {
      const j = jobFor(n, opts, codes, now);
      lastDue = Math.max(lastDue, j.dueAt);
      chunk.push({ name: j.name, data: j.data, opts: j.opts });
    }
    await queue.addBulk(chunk);
  }
  const scheduleS = (performance.now() - scheduleStarted) / 1000;

  // Not measured: jobs added in the last millisecond may not be due yet.
  const waitStarted = performance.now();
  while (Date.now() <= lastDue) await new Promise((r) => setTimeout(r, 5));
  const waitS = (performance.now() - waitStarted) / 1000;

  const fireStarted = performance.now();
  let completed = 0, failed = 0, firstError = '';
  const processor = opts.record === 'returnvalue'
    ? async (job) => {
        const holder = JSON.parse(await redis.hget(`okod:holders:${job.data.municipality}`, job.data.role));
        return outboxRow(job, holder);
      }
    : async (job) => {
        const row = outboxRow(job, null);
        const keyPrefix = `${row.task_id}/reminder/${row.lead_days}/${row.due}`;
        await redis.recordReminder(`okod:holders:${job.data.municipality}`, 'okod:outbox', 'okod:outbox:pending',
                                   'okod:events', job.data.role, keyPrefix, JSON.stringify(row), job.data.task,
                                   job.data.title);
      };
  // Handlers first, then run: no completion can be missed.
  const worker = new Worker('reminders', processor, { connection, concurrency: opts.concurrency, autorun: false });
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fire phase not done after ${opts.timeoutS} s ` +
                                                    `(${completed} completed)`)), opts.timeoutS * 1000);
    const check = () => { if (completed + failed >= opts.count) { clearTimeout(timer); resolve(); } };
    worker.on('completed', () => { ++completed; check(); });
    worker.on('failed', (_job, err) => { ++failed; firstError ||= String(err); check(); });
  });
  const running = worker.run();
  await done;
  const fireS = (performance.now() - fireStarted) / 1000;
  await worker.close();
  await running;

  const counts = await queue.getJobCounts('completed', 'failed', 'delayed', 'wait', 'active');
  const recorded = opts.record === 'script' ? await redis.llen('okod:outbox:pending') : counts.completed;
  await queue.close();
  await redis.quit();

  const total = scheduleS + fireS;
  const bullmq = JSON.parse(readFileSync(join(here, 'node_modules', 'bullmq', 'package.json'), 'utf8')).version;
  console.log(`bullmq ${bullmq} reminders on redis ${version} (${durability}), record=${opts.record}, ` +
              `concurrency=${opts.concurrency}, deadlines ${opts.deadlines}`);
  console.log(`  schedule (addBulk of ${opts.batch})   ${scheduleS.toFixed(2).padStart(8)} s  ` +
              `(${Math.round(opts.count / scheduleS)} reminders/s)`);
  console.log(`  waited for the last delay      ${waitS.toFixed(2).padStart(8)} s  (not counted)`);
  console.log(`  fire (worker)                  ${fireS.toFixed(2).padStart(8)} s  ` +
              `(${Math.round(completed / fireS)} reminders/s)`);
  console.log(`  total                          ${total.toFixed(2).padStart(8)} s  (${Math.round(opts.count / total)} reminders/s)`);
  console.log(`  completed ${counts.completed}, failed ${counts.failed}, left delayed/waiting/active ` +
              `${counts.delayed}/${counts.wait}/${counts.active}, outbox rows ${recorded}` +
              (firstError ? `, first error: ${firstError}` : ''));
  console.log(`result side=bullmq durability=${durability} record=${opts.record} concurrency=${opts.concurrency} ` +
              `deadlines=${opts.deadlines} ` +
              `n=${opts.count} batch=${opts.batch} schedule_s=${scheduleS.toFixed(3)} fire_s=${fireS.toFixed(3)} ` +
              `total_s=${total.toFixed(3)} schedule_per_s=${Math.round(opts.count / scheduleS)} ` +
              `fire_per_s=${Math.round(completed / fireS)} total_per_s=${Math.round(opts.count / total)} ` +
              `fired=${completed} recorded=${recorded}`);
  return completed === opts.count && recorded === opts.count ? 0 : 1;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`bullmq-reminders: ${err.message}`);
  process.exit(1);
});
