import { describe, expect, it } from 'vitest';
import { recoveryCodesFileHref, recoveryCodesFileName } from './recovery-codes-file';

const codes = ['yqfu-awms-jyxg', 'ztba-rtyj-cupe', '2gas-ycv6-nr2j'];
const text = (href: string) => decodeURIComponent(href.slice(href.indexOf(',') + 1));

describe('the downloaded recovery codes file', () => {
  it('has a name that says nothing of the site or of recovery', () => {
    expect(recoveryCodesFileName).toBe('codes.txt');
    expect(recoveryCodesFileName).not.toMatch(/yadman|یادمان|recover|account|memorial/i);
  });

  it('holds the codes, one a line, and nothing else (no site name, no username)', () => {
    const href = recoveryCodesFileHref(codes);
    expect(href.startsWith('data:text/plain;charset=utf-8,')).toBe(true);
    expect(text(href)).toBe('yqfu-awms-jyxg\r\nztba-rtyj-cupe\r\n2gas-ycv6-nr2j\r\n');
    expect(text(href).split('\r\n').filter(Boolean)).toEqual(codes);
  });
});
