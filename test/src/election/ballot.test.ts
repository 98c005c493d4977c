/**
 * The voter's device (§12.1, §12.3, §12.7): prepareBallot encrypts one contest per contest of the
 * constituency and validates the choices; signBallot signs only with the ballot's credential;
 * openBallot / checkOpening let a second device verify a challenged ballot. Single-party key
 * K = xG, so the tests can decrypt what was encrypted.
 */
import { expect } from "chai";
import { recoverTypedDataAddress, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import {
  boundedDiscreteLog,
  decodeCiphertext,
  electionIdFor,
  GROUP_ORDER,
  MalformedInputError,
  verifyContest,
} from "../../../src/crypto";
import {
  ballotDigest,
  ballotTypedData,
  checkOpening,
  ciphertextsHash,
  openBallot,
  prepareBallot,
  receiptHash,
  signBallot,
  ZERO_HASH,
  type BallotContext,
  type BallotOpening,
} from "../../../src/election";
import { expectThrows, singlePartyKey } from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";

const CHAIN_ID = 31337n;
const ELECTION: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const VOTER = privateKeyToAccount(`0x${"42".repeat(32)}`);
const OTHER = privateKeyToAccount(`0x${"43".repeat(32)}`);
const { secret, key } = singlePartyKey();

const context: BallotContext = {
  chainId: CHAIN_ID,
  election: ELECTION,
  electionId: electionIdFor(CHAIN_ID, ELECTION),
  key,
  contests: [
    { options: 3, minSelections: 1, maxSelections: 1 },
    { options: 4, minSelections: 0, maxSelections: 2 },
    { options: 2, minSelections: 1, maxSelections: 1 },
  ],
  constituencyContests: [
    [0n, 1n],
    [0n, 2n],
  ],
};

const CHOICES_0 = [
  [0, 1, 0],
  [1, 0, 0, 1],
];
const CHOICES_1 = [
  [0, 0, 1],
  [1, 0],
];

function decrypt(ct: Parameters<typeof decodeCiphertext>[0]): number {
  const { alpha, beta } = decodeCiphertext(ct);
  return boundedDiscreteLog(beta.subtract(alpha.multiply(secret)), 2);
}

describe("voter device: prepare, sign, open (§12.1, §12.3, §12.7)", () => {
  describe("prepareBallot", () => {
    it("encrypts exactly the constituency's contests, in order, with proofs that verify", () => {
      for (const [constituency, choices] of [
        [0, CHOICES_0],
        [1, CHOICES_1],
      ] as const) {
        const prepared = prepareBallot(context, VOTER.address, constituency, choices);
        const { ballot } = prepared;
        expect(ballot.credential).to.equal(VOTER.address);
        expect(ballot.constituency).to.equal(BigInt(constituency));
        expect(ballot.previousReceipt).to.equal(ZERO_HASH);
        expect(ballot.contests.map((c) => c.contestId)).to.deep.equal(
          context.constituencyContests[constituency],
        );
        ballot.contests.forEach((contest, i) => {
          const contestIndex = Number(contest.contestId);
          verifyContest(
            { electionId: context.electionId, voter: VOTER.address, key },
            { contestIndex, ...context.contests[contestIndex] },
            { contestIndex, ...contest },
            { oneByOne: true },
          );
          expect(contest.ciphertexts.map(decrypt)).to.deep.equal(choices[i]);
        });
        expect(prepared.ciphertextsHash).to.equal(ciphertextsHash(ballot.contests));
        expect(prepared.secrets.map((s) => s.selections)).to.deep.equal(choices);
      }
    });

    it("carries the previous receipt and draws fresh nonces every time", () => {
      const receipt = `0x${"ab".repeat(32)}` as const;
      const a = prepareBallot(context, VOTER.address, 0, CHOICES_0, receipt);
      const b = prepareBallot(context, VOTER.address, 0, CHOICES_0, receipt);
      expect(a.ballot.previousReceipt).to.equal(receipt);
      expect(a.ciphertextsHash).to.not.equal(b.ciphertextsHash);
    });

    it("rejects an unknown constituency", () => {
      for (const constituency of [2, -1, 0.5, 99]) {
        expectThrows(
          () => prepareBallot(context, VOTER.address, constituency, CHOICES_0),
          MalformedInputError,
          { field: "constituency" },
        );
      }
    });

    it("rejects choices for the wrong number of contests", () => {
      for (const choices of [[CHOICES_0[0]], [...CHOICES_0, [1, 0]], []]) {
        expectThrows(() => prepareBallot(context, VOTER.address, 0, choices), MalformedInputError, {
          field: "selections",
        });
      }
      // Constituency 1's choices (contests 0 and 2) for constituency 0 (contests 0 and 1).
      expectThrows(() => prepareBallot(context, VOTER.address, 0, CHOICES_1), MalformedInputError, {
        field: "contest 1 selections",
      });
    });

    it("rejects a wrong option count, a value other than 0/1, and a count outside the rule", () => {
      const bad: Array<[number[][], string]> = [
        [[[0, 1], CHOICES_0[1]], "contest 0 selections"], // 2 of 3 options
        [[[0, 1, 0, 0], CHOICES_0[1]], "contest 0 selections"], // 4 of 3 options
        [[[0, 2, 0], CHOICES_0[1]], "contest 0 selections"], // a 2
        [[[0, -1, 1], CHOICES_0[1]], "contest 0 selections"],
        [[[1, 1, 0], CHOICES_0[1]], "contest 0 selections"], // two in "exactly one"
        [[[0, 0, 0], CHOICES_0[1]], "contest 0 selections"], // none in "exactly one"
        [[CHOICES_0[0], [1, 1, 1, 0]], "contest 1 selections"], // three of at most two
      ];
      for (const [choices, field] of bad) {
        expectThrows(() => prepareBallot(context, VOTER.address, 0, choices), MalformedInputError, {
          field,
        });
      }
      // Blank (0 of 0 … 2) and two of 0 … 2 are allowed.
      prepareBallot(context, VOTER.address, 0, [CHOICES_0[0], [0, 0, 0, 0]]);
      prepareBallot(context, VOTER.address, 0, [CHOICES_0[0], [0, 1, 1, 0]]);
    });
  });

  describe("signBallot", () => {
    it("signs the EIP-712 ballot with the credential and computes the receipt", async () => {
      const prepared = prepareBallot(context, VOTER.address, 1, CHOICES_1);
      const signed = await signBallot(context, prepared, VOTER);
      expect(signed.ballot).to.equal(prepared.ballot);
      expect(signed.ciphertextsHash).to.equal(prepared.ciphertextsHash);
      expect(signed.digest).to.equal(ballotDigest(CHAIN_ID, ELECTION, prepared.ballot));
      expect(signed.receipt).to.equal(
        receiptHash(context.electionId, signed.digest, signed.signature),
      );
      expect(
        await recoverTypedDataAddress({
          ...ballotTypedData(CHAIN_ID, ELECTION, prepared.ballot),
          signature: signed.signature,
        }),
      ).to.equal(VOTER.address);
    });

    it("rejects a key that is not the ballot's credential", async () => {
      const prepared = prepareBallot(context, VOTER.address, 0, CHOICES_0);
      let caught: unknown;
      try {
        await signBallot(context, prepared, OTHER);
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(MalformedInputError);
      expect((caught as MalformedInputError).field).to.equal("credential");
      // A lowercase credential in the ballot is the same credential.
      const lower = prepareBallot(context, VOTER.address.toLowerCase() as Address, 0, CHOICES_0);
      await signBallot(context, lower, VOTER);
    });
  });

  describe("openBallot / checkOpening (Benaloh challenge)", () => {
    it("round trip: the opening reveals every nonce and choice, and checks out", () => {
      const prepared = prepareBallot(context, VOTER.address, 0, CHOICES_0);
      const opening = openBallot(prepared);
      expect(opening.constituency).to.equal(0n);
      expect(opening.contests).to.equal(prepared.ballot.contests);
      expect(opening.nonces).to.deep.equal(prepared.secrets.flatMap((s) => s.nonces));
      expect(opening.selections).to.deep.equal(CHOICES_0.flat().map(BigInt));
      expect(checkOpening(key, opening)).to.deep.equal(CHOICES_0);
    });

    it("rejects a tampered nonce, a flipped or invalid selection, naming the option", () => {
      const opening = openBallot(prepareBallot(context, VOTER.address, 0, CHOICES_0));
      const change = (i: number, nonce?: bigint, selection?: bigint): BallotOpening => {
        const nonces = [...opening.nonces];
        const selections = [...opening.selections];
        if (nonce !== undefined) nonces[i] = nonce;
        if (selection !== undefined) selections[i] = selection;
        return { ...opening, nonces, selections };
      };
      const cases: Array<[BallotOpening, string]> = [
        [change(4, (opening.nonces[4] + 1n) % GROUP_ORDER), "contest 1 option 1"],
        [change(0, opening.nonces[1]), "contest 0 option 0"],
        [change(1, undefined, 0n), "contest 0 option 1"],
        [change(2, undefined, 1n), "contest 0 option 2"],
        [change(6, undefined, 2n), "contest 1 option 3"],
        [change(3, undefined, -1n), "contest 1 option 0"],
        [{ ...opening, nonces: opening.nonces.slice(0, 5) }, "contest 1 option 2"],
        [{ ...opening, selections: opening.selections.slice(0, 6) }, "contest 1 option 3"],
      ];
      for (const [bad, field] of cases) {
        expectThrows(() => checkOpening(key, bad), MalformedInputError, { field });
      }
      // Checked against another key, nothing opens.
      expectThrows(
        () => checkOpening(singlePartyKey(seededRandom("another key")).key, opening),
        MalformedInputError,
        {
          field: "contest 0 option 0",
        },
      );
    });

    // A nonce outside [1, r) (§2.1, §2.4) is a wrong opening like any other, named by option.
    it("rejects a nonce 0 or ≥ r naming the option", () => {
      const opening = openBallot(prepareBallot(context, VOTER.address, 0, CHOICES_0));
      for (const nonce of [0n, opening.nonces[2] + GROUP_ORDER, -1n]) {
        const nonces = [...opening.nonces];
        nonces[2] = nonce;
        const error = expectThrows(() => checkOpening(key, { ...opening, nonces }), Error);
        expect(error).to.be.instanceOf(MalformedInputError);
        expect((error as MalformedInputError).field).to.equal("contest 0 option 2");
      }
    });
  });
});

describe("ballots before the key is sealed", () => {
  it("cannot be prepared: a typed error names §13.4", () => {
    expect(() =>
      prepareBallot({ ...context, key: undefined }, VOTER.address, 0, CHOICES_0),
    ).to.throw(MalformedInputError, /not sealed/);
  });
});
