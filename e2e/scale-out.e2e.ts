import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import sharp from 'sharp';
import { demoPassphrase, signIn, signInAsStaff, signInForm, unique } from './support/accounts';
import { signUp } from './support/submission';
import { expect, test } from './fixtures';
import { type AppServer, appServer } from './support/app-server';
import { extraServerPort } from './support/ports.mjs';
import { startS3Server, type S3TestServer } from '../lib/testing/s3-server';

// Scale-out: two server processes (scripts/server.mjs, as `npm start`) on one PostgreSQL database
// behind nginx (round robin, on loopback), so consecutive requests land on different processes.
// Sessions, the sign-in rate limit, the public caches (Next's data cache and the public cache of
// rendered pages, lib/public-cache) and resumable uploads (one shared upload store) must behave as with
// one process. Everything runs twice: with files in one shared data folder, and in an S3 bucket (the
// multi-server deployment's storage) on a loopback S3-protocol server the test starts
// (lib/testing/s3-server.ts), where the two processes share nothing but the database and the bucket.
// Needs nginx and a PostgreSQL server
// (TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres), and is asked for with
// YADMAN_SCALE_OUT=1; it skips otherwise, so `npm test` leaves it out (three more servers and a
// second database on a 2-core CI machine). Run:
//   YADMAN_SCALE_OUT=1 TEST_DATABASE_URL=… npx playwright test e2e/scale-out.e2e.ts
// (SCALE_OUT_PORT moves its three ports: nginx on it, the two processes on the next two).
const nginxBin = '/usr/sbin/nginx';
const adminUrl = process.env.TEST_DATABASE_URL;
const basePort = process.env.SCALE_OUT_PORT ? Number(process.env.SCALE_OUT_PORT) : extraServerPort('scaleOut');
const balancer = `http://127.0.0.1:${basePort}`;
const appPorts = [basePort + 1, basePort + 2];

test.skip(process.env.YADMAN_SCALE_OUT !== '1' || !adminUrl || !fs.existsSync(nginxBin), 'needs YADMAN_SCALE_OUT=1, nginx and TEST_DATABASE_URL');
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: balancer });

for (const store of ['folder', 's3'] as const) {
  test.describe(`files in ${store === 's3' ? 'an S3 bucket' : 'a shared folder'}`, () => {
    const servers: AppServer[] = [];
    let nginx: ChildProcess | undefined;
    let s3: S3TestServer | undefined;
    let tmp = '';
    const databaseName = `yadman_scale_${randomBytes(4).toString('hex')}`;
    let databaseUrl = '';

    async function healthy(url: string) {
      const deadline = Date.now() + 30_000;
      while (!(await fetch(url).then((r) => r.ok, () => false))) {
        if (Date.now() > deadline) throw new Error(`${url} never became healthy`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }

    test.beforeAll(async () => {
      test.setTimeout(180_000);
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yadman-scale-out-'));
      // nginx's worker runs as an unprivileged user and writes its proxy temp files under the prefix.
      fs.chmodSync(tmp, 0o777);
      if (store === 's3') s3 = await startS3Server();
      const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${databaseName}`);
      await admin.end();
      const url = new URL(adminUrl!);
      url.pathname = `/${databaseName}`;
      databaseUrl = url.toString();
      const env = {
        DATABASE_URL: databaseUrl,
        YADMAN_DEMO: 'true',
        // Folder: one data folder for both, stored files must be readable by whichever process serves
        // them. S3: a data folder each (as on two machines), the files and partial uploads in the bucket.
        YADMAN_DATA_DIR: path.join(tmp, 'data'),
        ...s3?.env,
        AUTH_URL: balancer,
        // nginx appends the address it saw (below): the entry one place from the right.
        TRUSTED_PROXY_HOPS: '1',
      };
      // The first process migrates and seeds; the second starts on the ready database.
      for (const port of appPorts) {
        const server = appServer(port, store === 's3' ? { ...env, YADMAN_DATA_DIR: path.join(tmp, `data-${port}`) } : env);
        await server.start(90_000);
        servers.push(server);
      }
      fs.writeFileSync(path.join(tmp, 'nginx.conf'), `worker_processes 1; daemon off; pid ${tmp}/nginx.pid; error_log ${tmp}/error.log;
    events { worker_connections 256; }
    http {
      access_log off;
      upstream app { ${appPorts.map((p) => `server 127.0.0.1:${p};`).join(' ')} }
      server {
        listen 127.0.0.1:${basePort};
        location / {
          proxy_pass http://app;
          proxy_http_version 1.1;
          proxy_set_header Host $http_host;
          proxy_set_header Connection "";
          proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
          add_header X-Upstream $upstream_addr always;
        }
      }
    }\n`);
      nginx = spawn(nginxBin, ['-p', tmp, '-c', path.join(tmp, 'nginx.conf'), '-e', path.join(tmp, 'error.log')], { stdio: 'ignore' });
      await healthy(`${balancer}/api/health`);
    });

    test.afterAll(async () => {
      nginx?.kill('SIGTERM');
      await Promise.all(servers.map((server) => server.stop()));
      const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
      await s3?.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    test('consecutive requests reach both processes', async ({ request }) => {
      const upstreams = new Set<string>();
      for (let i = 0; i < 4; i++) upstreams.add((await request.get('/api/health')).headers()['x-upstream']!);
      expect(upstreams.size).toBe(2);
    });

    test('a session signed in through one process is honoured by the other', async ({ page }) => {
      await signInAsStaff(page, 'demo-moderator', '/en/staff');
      const upstreams = new Set<string>();
      for (let i = 0; i < 4; i++) {
        // One request at a time with the page's cookies (a navigation also fetches its assets, which
        // can keep every document on one process), so round robin alternates the processes.
        const response = await page.request.get('/en/staff');
        upstreams.add(response.headers()['x-upstream']!);
        expect(response.status()).toBe(200);
        expect(response.url()).toMatch(/\/en\/staff$/);
      }
      expect(upstreams.size).toBe(2);
    });

    test('the free sign-in guesses are counted on both processes together', async ({ page }) => {
      // Five free guesses per account and address (lib/abuse/guesses.ts); they alternate between processes.
      for (let i = 0; i < 5; i++) {
        await signIn(page, 'demo-submitter', `wrong passphrase ${i}`);
        await expect(signInForm(page).getByText(/username or passphrase is wrong/)).toBeVisible();
      }
      // The sixth must pay with the form's gate: without its challenge it is refused unchecked, never locked.
      await page.goto('/en/sign-in');
      const form = signInForm(page);
      await form.getByLabel('Username').fill('demo-submitter');
      await form.getByLabel('Passphrase').fill(demoPassphrase);
      await form.locator('input[name="challenge"]').evaluate((input: HTMLInputElement) => (input.value = ''));
      await form.getByRole('button', { name: 'Sign in' }).click();
      await expect(form.getByText(/This form has expired/)).toBeVisible();
      // With the gate the form carries (its fresh challenge), the owner gets in.
      await form.getByLabel('Passphrase').fill(demoPassphrase);
      await form.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/\/en\/account$/);
    });

    test('a public change is visible through both processes on the next request', async ({ request }) => {
      const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      try {
        const [person] = await admin<{ id: string; slug: string }[]>`select id, slug from persons where slug = 'demo-reza-example'`;
        const url = `/en/persons/${person!.slug}-${person!.id}`;
        // Both processes cache the page's data first.
        for (const port of appPorts) expect(await (await fetch(`http://127.0.0.1:${port}${url}`)).text()).toContain('Reza Example');
        // A correction committed by "another instance" (here: straight to the database; the trigger bumps the version).
        await admin`update persons set name_latin = 'Reza Example-Corrected (demo)' where id = ${person!.id}`;
        for (let i = 0; i < 4; i++) expect(await (await request.get(url)).text()).toContain('Reza Example-Corrected');
      } finally {
        await admin.end();
      }
    });

    test('a withdrawn testimony never appears on a cached page once its withdrawal has committed, on either process', async () => {
      test.setTimeout(60_000);
      const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      try {
        const [row] = await admin<{ id: string; url: string }[]>`
          select t.id, '/en/persons/' || p.slug || '-' || p.id as url from testimonies t
          join testimony_persons tp on tp.testimony_id = t.id join persons p on p.id = tp.person_id
          where t.status = 'published' and p.slug = 'demo-arash-example' limit 1`;
        const marker = `id="testimony-${row!.id}"`;
        // Both processes serve the page from their cache first (a render, then hits).
        for (const port of appPorts) {
          for (let i = 0; i < 3; i++) expect(await (await fetch(`http://127.0.0.1:${port}${row!.url}`)).text()).toContain(marker);
        }
        // Readers keep loading the page from both processes while the withdrawal commits; a request
        // that starts after the commit has returned must never show the testimony.
        let committedAt = Infinity;
        let stop = false;
        const seen: { startedAt: number; shown: boolean; cache: string | null }[] = [];
        const reader = async (port: number) => {
          while (!stop) {
            const startedAt = performance.now();
            const response = await fetch(`http://127.0.0.1:${port}${row!.url}`);
            seen.push({ startedAt, shown: (await response.text()).includes(marker), cache: response.headers.get('x-cache') });
          }
        };
        const readers = [...appPorts, ...appPorts].map(reader);
        await new Promise((resolve) => setTimeout(resolve, 500));
        await admin`update testimonies set status = 'withdrawn' where id = ${row!.id}`;
        committedAt = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 1500));
        stop = true;
        await Promise.all(readers);
        const before = seen.filter((s) => s.startedAt < committedAt);
        const after = seen.filter((s) => s.startedAt > committedAt);
        expect(before.some((s) => s.shown && s.cache === 'hit')).toBe(true);
        expect(after.filter((s) => s.cache === 'hit').length).toBeGreaterThan(10);
        expect(after.filter((s) => s.shown)).toEqual([]);
      } finally {
        await admin.end();
      }
    });

    test('a resumable upload continues on the other process: its chunks alternate between the two', async ({ page }) => {
      test.setTimeout(120_000);
      await signUp(page, unique('scale'));
      await page.goto('/en/submit');
      await page.getByRole('button', { name: 'Start a testimony' }).click();
      await expect(page).toHaveURL(/\/en\/submit\/[0-9a-f-]{36}\//);
      const draftId = page.url().match(/submit\/([0-9a-f-]{36})/)![1]!;

      // What the browser's tus client sends from our pages (lib/security/same-origin.ts); the session
      // cookie is the page's (cookies are per host, not per port). Each request goes to one process directly.
      const headers = { 'Tus-Resumable': '1.0.0', 'Sec-Fetch-Site': 'same-origin' };
      const at = (port: number, rest = '') => `http://127.0.0.1:${port}/api/uploads/tus${rest}`;
      const b64 = (v: string) => Buffer.from(v).toString('base64');
      const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#335577' } }).jpeg().toBuffer();
      const created = await page.request.post(at(appPorts[0]!), {
        headers: { ...headers, 'Upload-Length': String(jpeg.length), 'Upload-Metadata': `kind ${b64('image')},testimonyId ${b64(draftId)},caption ${b64('two processes')}` },
      });
      expect(created.status()).toBe(201);
      const id = created.headers()['location']!.split('/').pop()!;
      const chunk = Math.ceil(jpeg.length / 3);
      let finished: string | undefined;
      for (let i = 1, offset = 0; offset < jpeg.length; i++) {
        const port = appPorts[i % 2]!;
        // The process that did not take the last chunk knows how far the upload got.
        const head = await page.request.head(at(port, `/${id}`), { headers });
        expect(head.headers()['upload-offset']).toBe(String(offset));
        const part = jpeg.subarray(offset, offset + chunk);
        const patched = await page.request.patch(at(port, `/${id}`), {
          headers: { ...headers, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
          data: part,
        });
        expect(patched.status()).toBe(204);
        offset += part.length;
        finished = patched.headers()['upload-attachment-id'];
      }
      expect(finished).toMatch(/^[0-9a-f-]{36}$/);
      const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      try {
        const rows = await admin<{ size: number }[]>`select size_bytes::int as size from attachments where id = ${finished!} and testimony_id = ${draftId}`;
        expect(rows).toEqual([{ size: jpeg.length }]);
      } finally {
        await admin.end();
      }
    });
  });
}
