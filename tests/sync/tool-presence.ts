/**
 * Whether the tests of a sync tool are skipped: only where the tool is not installed and this is not CI. In CI
 * (`CI=true`; `.ci/run` installs the tools) they run and fail, saying the tool is missing.
 */
export function skipWithout(tool: string, debianPackage: string, installed: boolean): boolean {
  if (installed || process.env['CI'] === 'true') return false;
  console.warn(
    `The tests against real ${tool} are skipped: it is not installed (on Debian: apt-get install ${debianPackage}).`,
  );
  return true;
}
