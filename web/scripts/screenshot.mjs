// Seeds a board through the real API and screenshots it with Debian's Chromium.
//
//   BASE_URL=http://localhost:8080 OUT=../docs/board.png node scripts/screenshot.mjs
//
// Needs a running server (with this client built into wwwroot) and /usr/bin/chromium
// (apt-get install chromium). Two people are signed in: Ana takes the screenshot while Ben
// has a task open, so presence and "Ben is editing" show.
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const out = process.env.OUT ?? new URL('../../docs/board.png', import.meta.url).pathname;
const width = Number(process.env.WIDTH ?? 1280);
const height = Number(process.env.HEIGHT ?? 800);
const password = 'Kanban-demo-1';
const stamp = Date.now().toString(36);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function person(name) {
  const context = await browser.newContext({ baseURL: base, viewport: { width, height } });
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}.${stamp}@example.com`;
  const ok = async (response) => {
    if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
    return response;
  };
  await ok(await context.request.post('/auth/register', { data: { email, password } }));
  await ok(await context.request.post('/auth/login?useCookies=true', { data: { email, password } }));
  const gql = async (query, variables) => {
    const response = await ok(await context.request.post('/graphql', { data: { query, variables } }));
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  await gql('mutation($n: String!) { updateProfile(name: $n) { id } }', { n: name });
  return { context, email, gql };
}

const ana = await person('Ana Lima');
const ben = await person('Ben Okafor');
const cleo = await person('Cleo Park');

const { createBoard } = await ana.gql('mutation($n: String!) { createBoard(input: { name: $n }) { id } }', { n: 'Website launch' });
const boardId = createBoard.id;
for (const [who, role] of [[ben, 'EDITOR'], [cleo, 'VIEWER']]) {
  await ana.gql('mutation($b: ID!, $e: String!, $r: Role!) { addMember(boardId: $b, email: $e, role: $r) { role } }', { b: boardId, e: who.email, r: role });
}

const columns = {
  Backlog: [
    ['Write the press release', 'Two paragraphs and a quote from the founders.\nNeeds legal review before it goes out.'],
    ['Pick a launch date'],
    ['Plan the newsletter', ''],
    ['Collect customer quotes'],
  ],
  'In progress': [
    ['Design the pricing page', 'Three tiers; highlight the team plan.'],
    ['Set up status page'],
    ['Translate onboarding to Portuguese'],
  ],
  Review: [['Landing page copy', 'Ben left comments on the hero section.'], ['Accessibility audit']],
  Done: [['Buy the domain'], ['Logo and colours'], ['Analytics events']],
};

const taskIds = {};
for (const [name, tasks] of Object.entries(columns)) {
  const { createColumn } = await ana.gql('mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }', { b: boardId, n: name });
  for (const [title, description] of tasks) {
    const who = title.length % 2 ? ana : ben;
    const { createTask } = await who.gql('mutation($c: ID!, $t: String!, $d: String) { createTask(input: { columnId: $c, title: $t, description: $d }) { id } }', {
      c: createColumn.id,
      t: title,
      d: description ?? null,
    });
    taskIds[title] = createTask.id;
  }
}

// What a team's tasks carry: labels, people, due dates, checklists and a conversation.
const day = (offset) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const label = async (name, color) =>
  (await ana.gql('mutation($b: ID!, $n: String!, $c: LabelColor!) { createLabel(input: { boardId: $b, name: $n, color: $c }) { id } }', { b: boardId, n: name, c: color })).createLabel.id;
const labels = { design: await label('Design', 'PURPLE'), copy: await label('Copy', 'BLUE'), urgent: await label('Urgent', 'RED'), infra: await label('Infra', 'TEAL') };
const me = async (who) => (await who.gql('{ me { id } }')).me.id;
const people = { ana: await me(ana), ben: await me(ben) };
const detail = {
  'Write the press release': { due: day(3), labels: [labels.copy], assignees: [people.ana], checklist: [['Draft', true], ['Legal review', false], ['Send to press list', false]], comments: [[ben, 'Can we mention the **team plan**?']] },
  'Pick a launch date': { due: day(-1), labels: [labels.urgent], assignees: [people.ana, people.ben] },
  'Design the pricing page': { due: day(0), labels: [labels.design], assignees: [people.ben], checklist: [['Tiers', true], ['FAQ', true], ['Mobile layout', false]], comments: [[ana, 'Looks great, ship it.'], [ben, 'Thanks! One more pass on mobile.']] },
  'Set up status page': { labels: [labels.infra], assignees: [people.ben] },
  'Landing page copy': { due: day(5), labels: [labels.copy, labels.design], assignees: [people.ana], comments: [[ben, 'Hero text is too long.']] },
  'Accessibility audit': { checklist: [['Contrast', true], ['Keyboard', true], ['Screen reader', true], ['Zoom 200 %', false]] },
};
for (const [title, d] of Object.entries(detail)) {
  const id = taskIds[title];
  await ana.gql('mutation($id: ID!, $d: String, $l: [ID!], $a: [ID!]) { updateTask(input: { id: $id, dueDate: $d, addLabelIds: $l, addAssigneeIds: $a }) { id } }', {
    id,
    d: d.due ?? null,
    l: d.labels ?? [],
    a: d.assignees ?? [],
  });
  for (const [text, done] of d.checklist ?? []) {
    const { addChecklistItem } = await ana.gql('mutation($t: ID!, $x: String!) { addChecklistItem(input: { taskId: $t, text: $x }) { id } }', { t: id, x: text });
    if (done) await ana.gql('mutation($id: ID!) { updateChecklistItem(input: { id: $id, done: true }) { id } }', { id: addChecklistItem.id });
  }
  for (const [who, body] of d.comments ?? []) await who.gql('mutation($t: ID!, $b: String!) { addComment(input: { taskId: $t, body: $b }) { id } }', { t: id, b: body });
}

const problems = [];
const watch = (page, who) => {
  page.on('console', (m) => m.type() === 'error' && problems.push(`${who} console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`${who} page error: ${e.message}`));
};

// Ben opens a task, so Ana sees him on the board and "Ben Okafor is editing" on that card.
const benPage = await ben.context.newPage();
watch(benPage, 'ben');
await benPage.goto(`/boards/${boardId}`);
await benPage.getByRole('button', { name: 'Design the pricing page', exact: true }).click();

const page = await ana.context.newPage();
watch(page, 'ana');
await page.goto(`/boards/${boardId}`);
await page.getByRole('heading', { name: 'Backlog' }).waitFor();
await page.getByText('Ben Okafor is editing').waitFor({ timeout: 10_000 }).catch(() => problems.push('no "is editing" badge (is the hub up?)'));
// An open "Add task" field, as when someone is about to type.
await page.getByRole('button', { name: 'Add task', exact: true }).nth(1).click();
await page.getByPlaceholder('Add a task…').fill('Record the demo video');
await page.mouse.move(0, height - 1);
await page.waitForTimeout(300);
await page.screenshot({ path: out });

console.log(`board ${base}/boards/${boardId} → ${out}`);
for (const p of problems) console.log(`warning: ${p}`);
await browser.close();
