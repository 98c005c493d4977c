import { expect } from "chai";
import {
  DecryptionOutOfBoundError,
  InvalidPointError,
  InvalidProofError,
  InvalidScalarError,
  MalformedInputError,
  ShafafCryptoError,
} from "../../../src/crypto";

describe("errors", function () {
  it("every typed error is a ShafafCryptoError with its class name and spec section", function () {
    const cases: Array<[ShafafCryptoError, string, string]> = [
      [new InvalidPointError("P", "infinity"), "InvalidPointError", "§2.2"],
      [new InvalidScalarError("s", 5n), "InvalidScalarError", "§2.1"],
      [new InvalidProofError("schnorr", "bad", "§5.4.2"), "InvalidProofError", "§5.4.2"],
      [new MalformedInputError("f", "why", "§8.2"), "MalformedInputError", "§8.2"],
      [new DecryptionOutOfBoundError(7), "DecryptionOutOfBoundError", "§7.4"],
    ];
    for (const [error, name, section] of cases) {
      expect(error).to.be.instanceOf(ShafafCryptoError);
      expect(error).to.be.instanceOf(Error);
      expect(error.name).to.equal(name);
      expect(error.section).to.equal(section);
    }
  });

  it("messages name the field and the reason", function () {
    expect(new InvalidPointError("ballot a0", "not-on-curve").message).to.equal(
      "ballot a0 is not on the BN254 curve y² = x³ + 3",
    );
    expect(new InvalidPointError("K", "coordinate-out-of-range").message).to.contain(
      "K has a coordinate",
    );
    expect(new InvalidPointError("M", "infinity").message).to.contain("point at infinity");
    expect(new InvalidScalarError("v", -1n).message).to.contain("got -1");
    expect(new InvalidProofError("zero-one", "option 3", "§5.2.3").message).to.equal(
      "zero-one proof rejected: option 3",
    );
    expect(new MalformedInputError("contest 1", "too short", "§8.2").message).to.equal(
      "contest 1: too short",
    );
    expect(new DecryptionOutOfBoundError(10).message).to.contain("[0, 10]");
  });

  it("keeps the structured fields", function () {
    const point = new InvalidPointError("P", "infinity");
    expect([point.field, point.reason]).to.deep.equal(["P", "infinity"]);
    const scalar = new InvalidScalarError("s", 9n);
    expect([scalar.field, scalar.value]).to.deep.equal(["s", 9n]);
    const proof = new InvalidProofError("decryption", "why", "§5.5.2");
    expect([proof.kind, proof.reason]).to.deep.equal(["decryption", "why"]);
    expect(new MalformedInputError("f", "r", "§1").field).to.equal("f");
    expect(new DecryptionOutOfBoundError(3).bound).to.equal(3);
  });
});
