import { parseEndpointSpec } from '@shared/endpoint-spec';
import type { MailEndpoint } from '@shared/verify';

/** A profile's `HOST:PORT[/starttls]`, which its schema already checked. */
export function parseEndpoint(spec: string): MailEndpoint {
  const endpoint = parseEndpointSpec(spec);
  if (!endpoint) throw new Error(`not an endpoint: ${spec}`);
  return endpoint;
}
