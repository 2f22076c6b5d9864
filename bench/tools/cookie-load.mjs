// Signed in the way a browser is (the session cookie), sends GraphQL queries from C loops for
// S seconds after 10 s of warm-up, and prints requests per second and the server's CPU per
// request (from /proc/PID/stat): what opening the cookie costs on every request of a browser.
//
//   node bench/tools/cookie-load.mjs URL PID [SECONDS=20] [C=8] [QUERY='{ me { id } }']
//
// Start the server first with AUTH_RATE_LIMIT_PER_MINUTE=0 and RATE_LIMIT_PER_SECOND=0; it signs
// up a user of its own. Node 20's fetch keeps its connections alive.
import fs from 'node:fs';

const [url, pid, seconds = '20', loops = '8', query = '{ me { id } }'] = process.argv.slice(2);
if (!url || !pid) {
  console.error('usage: node bench/tools/cookie-load.mjs URL PID [SECONDS] [LOOPS] [QUERY]');
  process.exit(2);
}
const email = `cookie-load-${Date.now()}@example.com`, password = 'Correct-Horse-10';
const json = { 'content-type': 'application/json' };
const register = await fetch(`${url}/auth/register`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
if (!register.ok) throw new Error(`sign-up answered ${register.status}`);
const login = await fetch(`${url}/auth/login?useCookies=true`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
if (!login.ok) throw new Error(`sign-in answered ${login.status}`);
const cookie = login.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
const body = JSON.stringify({ query });

// utime + stime, in clock ticks of 10 ms.
const cpuMs = () => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function loop(until, count) {
  while (Date.now() < until) {
    const answer = await (await fetch(`${url}/graphql`, { method: 'POST', headers: { ...json, cookie }, body })).json();
    if (!answer.data || answer.errors) throw new Error(`the query failed: ${JSON.stringify(answer)}`);
    count.n++;
  }
}

for (const [phase, ms] of [['warm-up', 10_000], ['measured', Number(seconds) * 1000]]) {
  const count = { n: 0 }, cpu0 = cpuMs(), t0 = Date.now();
  await Promise.all(Array.from({ length: Number(loops) }, () => loop(t0 + ms, count)));
  const used = cpuMs() - cpu0, elapsed = (Date.now() - t0) / 1000;
  if (phase === 'measured')
    console.log(`requests/s ${(count.n / elapsed).toFixed(0)}  server CPU per request ${(used / count.n * 1000).toFixed(0)} µs`);
}
