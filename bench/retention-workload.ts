/**
 * The concurrent workload of bench:retention, in a process of its own (as the organisation's application would
 * be: the sweep's own work in the bench process never delays it). Reads and writes on the swept tables at a fixed
 * rate (an open loop: each operation has its scheduled start, and its latency counts from that start, so a stall
 * is not hidden by operations that were simply never sent).
 *
 *   tsx bench/retention-workload.ts <postgres|mysql> <url> <customers> <rate per second> <clients> <seed>
 *
 * Runs until stdin closes, then prints one JSON line: count, p50, p99 and max of reads, writes and all, and errors.
 */
import mysql from 'mysql2/promise';
import pg from 'pg';

const [kindArg, url = '', customersArg, rateArg, clientsArg, seedArg] = process.argv.slice(2);
const kind = kindArg === 'mysql' ? 'mysql' : 'postgres';
const customers = Number(customersArg);
const rate = Number(rateArg);
const clients = Number(clientsArg);
const seed = Number(seedArg);

type Exec = (text: string, params: unknown[]) => Promise<unknown>;
let exec: Exec;
let close: () => Promise<void>;
if (kind === 'postgres') {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  exec = (text, params) => pool.query(text, params);
  close = () => pool.end();
} else {
  const pool = mysql.createPool({ uri: url, connectionLimit: clients });
  exec = (text, params) => pool.query(text, params);
  close = () => pool.end();
}

const p = (i: number) => (kind === 'postgres' ? `$${i}` : '?');
const random = (n: number) => 1 + Math.floor(Math.random() * n);
let nextLogId = 900_000_000 + seed * 1_000_000;
const operations: { write: boolean; run: () => Promise<unknown> }[] = [
  {
    write: false,
    run: () => exec(`select id, at, ip from log_entries where customer_id = ${p(1)}`, [random(customers)]),
  },
  {
    write: false,
    run: () =>
      exec(`select id, email from newsletter_subscriptions where email = ${p(1)}`, [
        `c${random(customers) * 2}@example.be`,
      ]),
  },
  {
    write: false,
    run: () => exec(`select id, subject from support_tickets where id = ${p(1)}`, [random(customers / 2)]),
  },
  {
    write: true,
    run: () =>
      exec(
        `insert into log_entries (id, customer_id, at, ip, user_agent, action) values (${p(1)}, ${p(2)}, now(), '10.9.9.9', 'bench', 'login')`,
        [nextLogId++, random(customers)],
      ),
  },
  {
    write: true,
    run: () =>
      exec(`update event_registrations set event_code = 'EV-MOVED' where id = ${p(1)}`, [random(customers / 2)]),
  },
];

// Connections are opened before the clock starts (their set-up is not the workload's latency).
await Promise.all(Array.from({ length: clients }, () => exec('select 1', [])));

const reads: number[] = [];
const writes: number[] = [];
let errors = 0;
let running = true;
let inFlight = 0;
const started = performance.now();
let sent = 0;

async function one(scheduled: number) {
  const operation = operations[Math.floor(Math.random() * operations.length)];
  if (!operation) return;
  inFlight++;
  try {
    await operation.run();
    (operation.write ? writes : reads).push(performance.now() - scheduled);
  } catch {
    errors++;
  } finally {
    inFlight--;
  }
}

// The scheduler: every tick, start the operations whose scheduled time has come (the pool queues them when all
// its connections are busy; that wait counts in their latency).
const interval = 1000 / rate;
const ticker = setInterval(() => {
  const due = Math.floor((performance.now() - started) / interval);
  while (running && sent < due) {
    void one(started + sent * interval);
    sent++;
  }
}, 2);

process.stdin.resume();
process.stdin.on('end', () => void finish());
process.stdin.on('close', () => void finish());

let finished = false;
async function finish() {
  if (finished) return;
  finished = true;
  running = false;
  clearInterval(ticker);
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  await close();
  const summary = (values: number[]) => {
    const sorted = Float64Array.from(values).sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
    return {
      count: sorted.length,
      p50: at(0.5),
      p99: at(0.99),
      max: sorted.length ? (sorted[sorted.length - 1] ?? 0) : 0,
    };
  };
  process.stdout.write(
    `${JSON.stringify({ reads: summary(reads), writes: summary(writes), all: summary([...reads, ...writes]), errors, seconds: (performance.now() - started) / 1000 })}\n`,
  );
  process.exit(0);
}
