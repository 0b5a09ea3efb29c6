/** A partner key as admins see it: never its hash, and the key itself only when created. */
export interface PartnerApiKeyView {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: Date;
  revokedAt?: Date;
  /** Only in the answer that created it. */
  key?: string;
}

/** The partner system behind a request that showed a valid key. */
export interface PartnerIdentity {
  keyId: string;
  name: string;
}
