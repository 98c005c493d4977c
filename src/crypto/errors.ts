/**
 * Typed errors of the cryptography core. Each carries the field it is about, so that a CLI or a
 * gateway can tell a person which input to fix; `section` names the rule in docs/protocol.md.
 */
export class ShafafCryptoError extends Error {
  constructor(
    message: string,
    readonly section: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export type InvalidPointReason = "infinity" | "coordinate-out-of-range" | "not-on-curve";

/** §2.2: a point that is the identity, has a coordinate ≥ p, or is not on the curve. */
export class InvalidPointError extends ShafafCryptoError {
  constructor(
    readonly field: string,
    readonly reason: InvalidPointReason,
  ) {
    const why = {
      infinity: "is the point at infinity (0, 0)",
      "coordinate-out-of-range": "has a coordinate not below the field modulus p",
      "not-on-curve": "is not on the BN254 curve y² = x³ + 3",
    }[reason];
    super(`${field} ${why}`, "§2.2");
  }
}

/** §2.1: a scalar that is negative or not below the group order r. */
export class InvalidScalarError extends ShafafCryptoError {
  constructor(
    readonly field: string,
    readonly value: bigint,
  ) {
    super(`${field} must be an integer in [0, r) (BN254 group order), got ${value}`, "§2.1");
  }
}

export type ProofKind = "zero-one" | "selection" | "schnorr" | "decryption" | "complaint";

/** A proof whose challenge split or group equations do not hold. */
export class InvalidProofError extends ShafafCryptoError {
  constructor(
    readonly kind: ProofKind,
    readonly reason: string,
    section: string,
  ) {
    super(`${kind} proof rejected: ${reason}`, section);
  }
}

/** A structurally wrong input: lengths, bounds, indices, parameters. */
export class MalformedInputError extends ShafafCryptoError {
  constructor(
    readonly field: string,
    reason: string,
    section: string,
  ) {
    super(`${field}: ${reason}`, section);
  }
}

/** §7.4: the decrypted value is not in [0, bound]. */
export class DecryptionOutOfBoundError extends ShafafCryptoError {
  constructor(readonly bound: number) {
    super(`decrypted value is not an integer in [0, ${bound}]`, "§7.4");
  }
}
