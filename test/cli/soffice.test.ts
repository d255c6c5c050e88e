/** Where gen-report looks for LibreOffice on each system, and how it names the profile folder and the PDFs. */
import { describe, expect, it } from 'vitest';
import { findSoffice, folderUrl, sofficeCandidates, type Platform } from '../../src/cli/soffice.js';
import { pdfNames } from '../../src/cli/pdf.js';

const fake = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv, programs: string[] = [], dirs: Record<string, string[]> = {}): Platform => ({
  platform,
  env,
  isProgram: (p) => programs.includes(p),
  list: (d) => dirs[d] ?? [],
});

describe('finding soffice', () => {
  it('Windows: PATH first, then Program Files and Program Files (x86)', () => {
    const env = { Path: 'C:\\Windows;"C:\\Tools\\LO\\program"', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\王\\AppData\\Local' };
    const c = sofficeCandidates(fake('win32', env));
    expect(c).toContain('C:\\Tools\\LO\\program\\soffice.exe');
    expect(c.slice(-3)).toEqual(['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe', 'C:\\Users\\王\\AppData\\Local\\Programs\\LibreOffice\\program\\soffice.exe']);
    expect(findSoffice(fake('win32', env, ['C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe']))).toBe('C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe');
  });

  it('macOS: the app bundle in /Applications or ~/Applications', () => {
    const c = sofficeCandidates(fake('darwin', { PATH: '/usr/bin', HOME: '/Users/li' }));
    expect(c).toEqual(['/usr/bin/soffice', '/usr/bin/libreoffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice', '/Users/li/Applications/LibreOffice.app/Contents/MacOS/soffice']);
  });

  it('Linux: PATH, the distribution paths, /opt/libreoffice* (newest first), snap', () => {
    const c = sofficeCandidates(fake('linux', { PATH: '/home/a/bin:/usr/bin' }, [], { '/opt': ['libreoffice7.6', 'google', 'libreoffice24.8'] }));
    expect(c).toEqual([
      '/home/a/bin/soffice',
      '/home/a/bin/libreoffice',
      '/usr/bin/soffice',
      '/usr/bin/libreoffice',
      '/usr/bin/soffice',
      '/usr/lib/libreoffice/program/soffice',
      '/usr/lib64/libreoffice/program/soffice',
      '/usr/local/bin/soffice',
      '/opt/libreoffice7.6/program/soffice',
      '/opt/libreoffice24.8/program/soffice',
      '/snap/bin/libreoffice',
    ]);
    expect(findSoffice(fake('linux', { PATH: '' }, ['/opt/libreoffice24.8/program/soffice'], { '/opt': ['libreoffice24.8'] }))).toBe('/opt/libreoffice24.8/program/soffice');
    expect(findSoffice(fake('linux', { PATH: '/usr/bin' }))).toBeUndefined();
  });

  it('GEN_REPORT_SOFFICE alone decides when set', () => {
    expect(sofficeCandidates(fake('linux', { GEN_REPORT_SOFFICE: '/x/soffice', PATH: '/usr/bin' }))).toEqual(['/x/soffice']);
    expect(findSoffice(fake('linux', { GEN_REPORT_SOFFICE: '/x/soffice' }, ['/usr/bin/soffice']))).toBeUndefined();
  });
});

describe('the profile folder as a file URL', () => {
  it('Windows drive and UNC paths, spaces and Chinese escaped', () => {
    expect(folderUrl('C:\\Users\\王 伟\\AppData\\Local\\Temp\\gen-report-soffice-ab', 'win32')).toBe('file:///C:/Users/%E7%8E%8B%20%E4%BC%9F/AppData/Local/Temp/gen-report-soffice-ab');
    expect(folderUrl('\\\\server\\share\\tmp', 'win32')).toBe('file://server/share/tmp');
  });
  it('POSIX paths', () => {
    expect(folderUrl('/tmp/gen-report-soffice-ab', 'linux')).toBe('file:///tmp/gen-report-soffice-ab');
    expect(folderUrl('/Users/li/my temp#1', 'darwin')).toBe('file:///Users/li/my%20temp%231');
  });
});

describe('PDF names', () => {
  it('base.pdf, or base-pptx.pdf and base-docx.pdf when a deck and a report share a name', () => {
    expect(pdfNames(['deck-2026-01.pptx', 'report-2026-01.docx'])).toEqual(['deck-2026-01.pdf', 'report-2026-01.pdf']);
    expect(pdfNames(['mini-2025-12.pptx', 'mini-2025-12.docx'])).toEqual(['mini-2025-12-pptx.pdf', 'mini-2025-12-docx.pdf']);
  });
});
