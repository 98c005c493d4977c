/** Malformed inputs that once escaped as untyped TypeError/RangeError now get typed errors. */
import { expect } from "chai";
import {
  decodeCiphertext,
  decodePoint,
  encodeMessage,
  encrypt,
  electionKey,
  findInvalidProofs,
  encryptContest,
  GENERATOR,
  GROUP_ORDER,
  IDENTITY,
  InvalidPointError,
  InvalidScalarError,
  lagrangeCoefficients,
  MalformedInputError,
  encodePoint,
  partialDecryption,
  type Point,
} from "../../../src/crypto";

const key = electionKey(encodePoint(GENERATOR.multiply(123456789n)));
const subject = {
  electionId: `0x${"11".repeat(32)}` as const,
  voter: "0x00000000000000000000000000000000000000aa" as const,
  key,
};
const params = { contestIndex: 0, options: 3, minSelections: 1, maxSelections: 1 };

describe("typed errors for malformed inputs", () => {
  it("a missing point is an InvalidPointError naming the field", () => {
    expect(() => decodePoint(undefined as unknown as Point, "P")).to.throw(
      InvalidPointError,
      /^P /,
    );
    expect(() => decodePoint(null as unknown as Point, "P")).to.throw(InvalidPointError);
  });

  it("a missing option or selection proof is a MalformedInputError or InvalidPointError", () => {
    const { contest } = encryptContest(subject, params, [0, 1, 0]);
    expect(() =>
      findInvalidProofs(subject, params, { ...contest, selectionProof: null as never }),
    ).to.throw(MalformedInputError, /selection proof/);
    const optionProofs = [...contest.optionProofs];
    optionProofs[1] = null as never;
    expect(() => findInvalidProofs(subject, params, { ...contest, optionProofs })).to.throw(
      MalformedInputError,
      /option 1 proof/,
    );
    optionProofs[1] = { ...contest.optionProofs[1], a0: undefined as never };
    expect(() => findInvalidProofs(subject, params, { ...contest, optionProofs })).to.throw(
      InvalidPointError,
    );
  });

  it("a message that is a multiple of r encodes the identity instead of throwing", () => {
    expect(encodeMessage(GROUP_ORDER).equals(IDENTITY)).to.equal(true);
    expect(encodeMessage(-1n).equals(GENERATOR.negate())).to.equal(true);
  });

  it("a decryption share outside [0, r) is an InvalidScalarError; 0 gives the identity", () => {
    const ciphertext = decodeCiphertext(encrypt(key, 1n).ciphertext.wire);
    expect(() => partialDecryption(GROUP_ORDER, ciphertext)).to.throw(InvalidScalarError);
    expect(() => partialDecryption(-1n, ciphertext)).to.throw(InvalidScalarError);
    expect(partialDecryption(0n, ciphertext).equals(IDENTITY)).to.equal(true);
  });

  it("Lagrange coefficients refuse trustee 0 and non-integers", () => {
    expect(() => lagrangeCoefficients([0, 1])).to.throw(MalformedInputError, /≥ 1/);
    expect(() => lagrangeCoefficients([1.5, 2])).to.throw(MalformedInputError);
    expect(lagrangeCoefficients([1, 2])).to.deep.equal([2n, GROUP_ORDER - 1n]);
  });
});
