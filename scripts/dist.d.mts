// Types of scripts/dist.mjs for the tests that import it (tests/packaging).

export interface DistStep {
  label: string;
  command: string;
  args: string[];
}

export function distSteps(builderArgs?: string[]): { steps: DistStep[]; restore: DistStep[] };

export function fuseIndex(fuseOptions: Record<string, string | number>, option: string): number | null;

export interface FusesModule {
  getCurrentFuseWire(executable: string): Promise<Record<string, unknown>>;
  FuseV1Options: Record<string, string | number>;
}

export function verifyFuses(
  executable: string,
  expected: Record<string, unknown>,
  fuses?: FusesModule,
): Promise<string[]>;

export function packagedExecutables(
  outputDir: string,
  productName: string,
  linuxExecutable: string,
): string[];
