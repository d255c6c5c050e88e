/**
 * Finding LibreOffice's `soffice`: GEN_REPORT_SOFFICE when set (it alone
 * decides, so a test or a user can point at one install or at none), else
 * PATH, else the places the installers use on Windows, macOS and Linux.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Platform {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** An executable regular file at this path. */
  isProgram(p: string): boolean;
  /** Names in a folder ([] when it cannot be read). */
  list(dir: string): string[];
}

export const thisPlatform: Platform = {
  platform: process.platform,
  env: process.env,
  isProgram(p) {
    try {
      if (!statSync(p).isFile()) return false;
      if (process.platform !== 'win32') accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
};

/** Where to look, in order. */
export function sofficeCandidates(p: Platform): string[] {
  const own = p.env.GEN_REPORT_SOFFICE;
  if (own !== undefined && own !== '') return [own];
  const win = p.platform === 'win32';
  const join = win ? path.win32.join : path.posix.join;
  const names = win ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const pathDirs = (p.env.PATH ?? p.env.Path ?? '').split(win ? ';' : ':').filter(Boolean);
  const onPath = pathDirs.flatMap((d) => names.map((n) => join(d.replace(/^"|"$/g, ''), n)));
  if (win) {
    const roots = [p.env.ProgramFiles, p.env.ProgramW6432, p.env['ProgramFiles(x86)'], p.env.LOCALAPPDATA && join(p.env.LOCALAPPDATA, 'Programs')].filter((r): r is string => Boolean(r));
    return [...onPath, ...[...new Set(roots)].map((r) => join(r, 'LibreOffice', 'program', 'soffice.exe'))];
  }
  if (p.platform === 'darwin') {
    const home = p.env.HOME;
    return [...onPath, '/Applications/LibreOffice.app/Contents/MacOS/soffice', ...(home ? [join(home, 'Applications/LibreOffice.app/Contents/MacOS/soffice')] : [])];
  }
  // Linux and the BSDs: distribution packages, the tarball from libreoffice.org (/opt/libreofficeX.Y), snap.
  const opt = p.list('/opt').filter((n) => /^libreoffice/i.test(n)).sort().reverse().map((n) => `/opt/${n}/program/soffice`);
  return [...onPath, '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/usr/lib64/libreoffice/program/soffice', '/usr/local/bin/soffice', ...opt, '/snap/bin/libreoffice'];
}

export function findSoffice(p: Platform = thisPlatform): string | undefined {
  return sofficeCandidates(p).find((c) => p.isProgram(c));
}

/** A folder as a file URL for -env:UserInstallation: file:///C:/Users/a%20b/… on Windows, file:///tmp/… elsewhere. */
export function folderUrl(folder: string, platform: NodeJS.Platform = process.platform): string {
  const encode = (segment: string) => encodeURIComponent(segment).replace(/%3A/gi, ':');
  if (platform === 'win32') {
    const p = folder.replace(/\\/g, '/');
    // \\server\share\x → file://server/share/x
    if (p.startsWith('//')) return `file://${p.slice(2).split('/').map(encode).join('/')}`;
    return `file:///${p.split('/').map(encode).join('/')}`;
  }
  return `file://${folder.split('/').map(encode).join('/')}`;
}
