import { inspect } from 'node:util';

/** A secret value that prints as [redacted] through String(), JSON and util.inspect (and so through logs). */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The value itself, for the one place that sends it to the exchange. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'Secret([redacted])';
  }
}

/** Environment variables BotV2 reads secrets from; settings files never hold them. */
export const SECRET_ENV = {
  exchangeApiKey: 'BOTV2_EXCHANGE_API_KEY',
  exchangeApiSecret: 'BOTV2_EXCHANGE_API_SECRET',
  predictionMarketApiKey: 'BOTV2_PREDICTION_MARKET_API_KEY',
} as const;

export type Secrets = Partial<Record<keyof typeof SECRET_ENV, Secret>>;

export function readSecrets(env: NodeJS.ProcessEnv = process.env): Secrets {
  const secrets: Secrets = {};
  for (const [name, variable] of Object.entries(SECRET_ENV) as [keyof typeof SECRET_ENV, string][]) {
    const value = env[variable];
    if (value && value.trim()) secrets[name] = new Secret(value.trim());
  }
  return secrets;
}

/** The raw values, for the log scrubber only. */
export function secretValues(secrets: Secrets): string[] {
  return Object.values(secrets).map((secret) => secret.reveal());
}
