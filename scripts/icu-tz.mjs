// SPDX-License-Identifier: MIT
// Current time-zone data for browsers that use the system's ICU (WebKitGTK on Debian 12: ICU 72 with tzdata 2022e,
// which still puts Asia/Almaty at UTC+6 after 2024-03-01).
//
// ICU reads `zoneinfo64.res`, `metaZones.res`, `timezoneTypes.res` and `windowsZones.res` from the folder named by
// `ICU_TIMEZONE_FILES_DIR` before its built-in data (the way ICU publishes time-zone updates). Node carries a newer
// ICU with its own data built in (`process.versions.tz`); this copies those four resources out of Node's ICU data
// package into `node_modules/.cache/kc-icu-tz/<tz version>/` once, and returns that folder.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES = ['zoneinfo64.res', 'metaZones.res', 'timezoneTypes.res', 'windowsZones.res'];

/**
 * Finds ICU's common data package (`CmnD`) in a buffer and returns its items by name (`icudt78l/zoneinfo64.res`).
 * Layout (ICU `ucmndata.h`): a header (`headerSize`, magic `0xda27`, `UDataInfo` with format `CmnD`), then a table
 * of contents: `count`, and `count` pairs of offsets (name, data) from the table's start.
 * @param {Buffer} bin
 * @returns {Map<string, Buffer> | undefined}
 */
export function readIcuPackage(bin) {
  for (let i = bin.indexOf('CmnD'); i >= 12; i = bin.indexOf('CmnD', i + 1)) {
    const start = i - 12;
    if (bin[start + 2] !== 0xda || bin[start + 3] !== 0x27 || bin[start + 8] !== 0) continue; // little-endian only
    const toc = start + bin.readUInt16LE(start);
    const count = bin.readUInt32LE(toc);
    if (count === 0 || count > 100_000) continue;
    const entries = [];
    for (let k = 0; k < count; k++) {
      const nameAt = toc + bin.readUInt32LE(toc + 4 + k * 8);
      const dataAt = toc + bin.readUInt32LE(toc + 8 + k * 8);
      entries.push({ name: bin.toString('latin1', nameAt, bin.indexOf(0, nameAt)), dataAt });
    }
    const byOffset = [...entries].sort((a, b) => a.dataAt - b.dataAt);
    const items = new Map();
    byOffset.forEach((entry, k) => {
      const end = byOffset[k + 1]?.dataAt;
      if (end !== undefined) items.set(entry.name, bin.subarray(entry.dataAt, end));
    });
    return items;
  }
  return undefined;
}

/**
 * The folder with current ICU time-zone resources taken from this Node's ICU, or `undefined` with the reason when
 * this Node has none of its own (built against the system's ICU).
 * @param {string} root the repository's root
 * @returns {{ dir?: string, tz?: string, reason?: string }}
 */
export function currentTimeZoneFiles(root) {
  const tz = process.versions.tz;
  if (!tz) return { reason: 'this Node has no ICU time-zone data of its own' };
  const dir = join(root, 'node_modules', '.cache', 'kc-icu-tz', tz);
  if (FILES.every((f) => existsSync(join(dir, f)))) return { dir, tz };
  let items;
  try {
    items = readIcuPackage(readFileSync(process.execPath));
  } catch (error) {
    return { reason: `could not read ${process.execPath}: ${error.message}` };
  }
  if (!items) return { reason: 'this Node uses the system ICU (no built-in ICU data)' };
  const found = FILES.map((f) => [...items.entries()].find(([name]) => name.endsWith(`/${f}`)));
  if (found.some((x) => !x)) return { reason: "this Node's ICU data has no time-zone resources" };
  const temp = `${dir}.${process.pid}`;
  mkdirSync(temp, { recursive: true });
  for (const [name, data] of found) writeFileSync(join(temp, name.slice(name.lastIndexOf('/') + 1)), data);
  try {
    renameSync(temp, dir);
  } catch {
    // Another run got there first: its files are the same.
    rmSync(temp, { recursive: true, force: true });
  }
  return { dir, tz };
}
