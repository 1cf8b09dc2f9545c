/**
 * Where credentials live. The only implementation is the OS keychain: there is deliberately no file or
 * memory fallback, so a missing keychain is an error the person can fix, never a silent plaintext copy.
 */
export interface SecretStore {
  set(account: string, secret: string): Promise<void>;
  get(account: string): Promise<string | null>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
}

/** Keychain service name under which every Ponte secret is stored. */
export const SECRET_SERVICE = 'Ponte';
