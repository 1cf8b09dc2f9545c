// The parts of @doyensec/electronegativity's programmatic API the security test uses (it ships no types).
declare module '@doyensec/electronegativity' {
  interface ElectronegativityIssue {
    id: string;
    file: string;
    location: { line: number; column: number };
    description: string;
    manualReview: boolean;
  }
  interface ElectronegativityOptions {
    input: string;
    electronVersionOverride?: string;
    isRelative?: boolean;
    parserPlugins?: string[];
  }
  export default function run(options: ElectronegativityOptions): Promise<{
    globalChecks: number;
    atomicChecks: number;
    errors: unknown[];
    issues: ElectronegativityIssue[];
  }>;
}
