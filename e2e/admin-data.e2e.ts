import { expect, test } from './fixtures';
import { signInAsStaff, unique } from './support/accounts';

for (const javaScriptEnabled of [false, true]) test.describe(`importing a list, with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
  test.use({ javaScriptEnabled });

  // With JavaScript each step's redirect is followed by the client router: a redirect to the same
  // page with only a new #hash was taken for a scroll, and the dry run did not appear.
  test('an admin uploads a CSV, matches its columns, reads the dry run and imports unpublished persons', async ({ page }) => {
    test.setTimeout(120_000);
    // A family name of random letters: the other run's (JavaScript on or off) must not be a likely
    // duplicate of this one's, as two names made from one prefix and a time stamp were.
    const family = `Q${Array.from({ length: 9 }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(Math.random() * 20)]).join('')}`;
    // "Result" is not a column name the mapping knows: the admin matches it by hand.
    const csv = [
      '\uFEFFName,نام,Age,Result,Source',
      `"Ali ${family}",علی ${family},۲۳,killed,https://example.org/a`,
      `Arash Example,آرش نمونه‌زاده,22,killed,`,
      `"Maryam ${family}",,abc,killed,`,
    ].join('\n');
    await signInAsStaff(page, 'demo-admin', '/en/staff/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import a list of persons' })).toBeVisible();
    const upload = page.getByRole('form', { name: '1. Upload a CSV file' });
    await upload.getByLabel('CSV file').setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload.getByRole('button', { name: 'Upload and continue' }).click();

    await expect(page.getByRole('heading', { level: 1, name: /^Import of / })).toBeVisible();
    const mapping = page.getByRole('form', { name: '2. Match the columns' });
    await expect(mapping.getByLabel('Name in Latin letters')).toHaveValue('0');
    await expect(mapping.getByLabel('Name in Persian script')).toHaveValue('1');
    await expect(mapping.getByLabel('Outcome', { exact: true })).toHaveValue('');
    await mapping.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Result (e.g. killed)' });
    await mapping.getByRole('button', { name: 'Check the rows (dry run)' }).click();

    const dryRun = page.getByRole('region', { name: '3. Dry run' });
    await expect(dryRun).toContainText('3 rows in the file');
    // What the import will create, said before it does (the likely duplicate is left out).
    await expect(dryRun).toContainText('1 row will be imported');
    await expect(dryRun).toContainText('1 row has errors');
    const problems = dryRun.getByRole('table', { name: 'Rows with errors or likely duplicates' });
    await expect(problems.getByRole('row', { name: /Maryam/ })).toContainText('Age: not a valid number — the file has “abc”');
    const arash = problems.getByRole('row', { name: /Arash Example/ });
    await expect(arash.getByRole('link', { name: /Arash Example \(demo\)/ })).toBeVisible();
    await expect(arash).toContainText(/name \d+% alike/);
    await expect(page.getByRole('status').filter({ hasText: 'The rows were checked with the columns as matched.' })).toBeVisible();

    // Matched again (the page already at its dry run): the dry run follows the new matching.
    await mapping.getByLabel('Age').selectOption('');
    await mapping.getByRole('button', { name: 'Check the rows (dry run)' }).click();
    await expect(dryRun).toContainText('2 rows will be imported');
    await expect(dryRun).toContainText('0 rows have errors');
    await mapping.getByLabel('Age').selectOption('2');
    await mapping.getByRole('button', { name: 'Check the rows (dry run)' }).click();
    await expect(dryRun).toContainText('1 row will be imported');
    await expect(dryRun).toContainText('1 row has errors');

    // The rows left out come back as the file had them, with why, to fix and upload again.
    const [download] = await Promise.all([page.waitForEvent('download'), dryRun.getByRole('link', { name: /Download the rows that will be left out/ }).click()]);
    const leftOut = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(leftOut).toContain('Row,Why it was left out,Name,نام,Age,Result,Source');
    expect(leftOut).toContain(`Age: not a valid number,Maryam ${family},,abc,killed,`);
    expect(leftOut).toMatch(/likely the same person as آرش نمونه‌زاده/);

    await dryRun.getByRole('button', { name: 'Import as unpublished persons' }).click();
    await expect(page.getByRole('status')).toContainText('1 person was created as an unpublished draft; 1 row with errors and 1 likely duplicate were left out.');

    await page.getByRole('link', { name: 'Review the unpublished persons' }).click();
    await page.getByLabel('Name (any spelling)').fill(`Ali ${family.slice(0, 4)}${family[3]}${family.slice(4)}`); // misspelt: a letter doubled
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('table', { name: 'Persons, newest first' }).getByRole('row', { name: new RegExp(`Ali ${family}`) });
    await expect(row).toContainText('Draft');
  });
});

test('an admin filters the audit log and verifies the chain', async ({ page }) => {
  await signInAsStaff(page, 'demo-admin', '/en/staff/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const filter = page.getByRole('search', { name: 'Filter' });
  await filter.getByLabel('Action').fill('audit');
  await filter.getByLabel('Username of the actor').fill('demo-admin');
  await filter.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/action=audit&actor=demo-admin/);
  const entries = page.getByRole('table', { name: 'Audit entries, newest first' });
  // Opening the page was itself recorded, with the filters used.
  await expect(entries.getByRole('row').nth(1)).toContainText('audit.view');
  await expect(entries.getByRole('row').nth(1)).toContainText('"actor":"demo-admin"');
  await expect(entries).not.toContainText('person.create');

  await page.getByRole('button', { name: 'Verify the whole chain now' }).click();
  await expect(page.getByRole('status')).toContainText(/The chain is intact: [\d,]+ entries verified\./);
  // The filters survive the verification.
  await expect(page.getByLabel('Action')).toHaveValue('audit');
});

test('an admin creates a collection; a mistake is explained and nothing typed is lost', async ({ page }) => {
  await signInAsStaff(page, 'demo-admin', '/en/staff/collections');
  const form = page.getByRole('form', { name: 'Create a collection' });
  const slug = unique('dey-1396');
  await form.getByLabel('Short name in addresses').fill('Dey 1396');
  await form.getByLabel('Name in Persian').fill('دی ۱۳۹۶');
  await form.getByLabel('Name in English').fill('December 2017 protests');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByText('Use lower-case Latin letters and digits')).toBeVisible();
  await expect(form.getByLabel('Name in English')).toHaveValue('December 2017 protests');
  await form.getByLabel('Short name in addresses').fill(slug);
  await form.getByLabel('Open for submissions').uncheck();
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('The collection was saved.')).toBeVisible();
  const created = page.getByRole('region', { name: 'December 2017 protests' });
  await expect(created).toContainText('Closed for submissions');
});
