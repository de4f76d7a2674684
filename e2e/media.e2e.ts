// Files step (issue 4) without JavaScript: a disguised HTML file is refused with a clear message; a
// phone photo with GPS and camera data is received, processed by the server's job worker, and the
// served copy carries no EXIF/GPS; another visitor gets 404 for it; she removes it again.
import exifr from 'exifr';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { unique } from './support/accounts';
import { signUp, startDraft } from './support/submission';

test.use({ javaScriptEnabled: false });

test('a submitter uploads a photo without JavaScript; the served copy has no location or camera data', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await signUp(page, unique('media'));
  const draftId = await startDraft(page);
  await page.goto(`/en/submit/${draftId}/files`);

  const upload = page.getByRole('form', { name: 'Files' });
  const fileInput = upload.getByLabel('Photo, video, audio recording or document');
  await fileInput.setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
  await upload.getByRole('button', { name: 'Upload file' }).click();
  await expect(page.getByRole('form', { name: 'Files' }).getByText('This file type is not accepted.')).toBeVisible();

  const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#884422' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Apple', Model: 'iPhone 11 Pro' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 2112/100', GPSLongitudeRef: 'E', GPSLongitude: '51/1 23/1 2040/100' },
    })
    .toBuffer();
  expect(await exifr.gps(jpeg)).toBeDefined();
  const again = page.getByRole('form', { name: 'Files' });
  await again.getByLabel('Photo, video, audio recording or document').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await again.getByLabel('Caption (optional)').fill('The street');
  await again.getByRole('button', { name: 'Upload file' }).click();
  await expect(page.getByText('The file was received.')).toBeVisible();

  // The job worker in the server process makes the copy; reload until it is ready.
  const open = page.getByRole('region', { name: 'Files' }).getByRole('link', { name: 'Open', exact: true });
  await expect(async () => {
    await page.goto(`/en/submit/${draftId}/files`);
    await expect(open).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const href = (await open.getAttribute('href'))!;

  const served = await page.request.get(href);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/jpeg');
  expect(served.headers()['x-content-type-options']).toBe('nosniff');
  expect(served.headers()['cache-control']).toBe('no-store');
  // The route's own policy, with `sandbox`, not next.config's (issue 17).
  expect(served.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox");
  const body = await served.body();
  expect(await exifr.parse(body, { tiff: true, exif: true, gps: true, xmp: true, iptc: true })).toBeUndefined();
  expect(body.includes('iPhone')).toBe(false);

  const stranger = await browser.newContext({ baseURL });
  expect((await stranger.request.get(href)).status()).toBe(404);
  await stranger.close();

  // Taken back out of the draft: gone from the list and from storage (404 for her too).
  await page.getByRole('button', { name: 'Remove file 1' }).click();
  await expect(page.getByText('No files yet.')).toBeVisible();
  expect((await page.request.get(href)).status()).toBe(404);
});
