// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ciphertext, Point} from "../crypto/CryptoTypes.sol";
import {Ballot, BallotSubmission, ContestBallot, ContestConfig} from "./ElectionTypes.sol";

/// @title Receiver of the sealed election key
/// @notice Called by the election's key ceremony when it seals (docs/protocol.md §13.4).
interface IElectionKeyReceiver {
    /// @notice Hands the joint election key to the election; only its ceremony may call, once.
    /// @param key The joint election key `K = Σᵢ C_{i,0}` (§6.5).
    function onKeySealed(Point calldata key) external;
}

/// @title One election on the ledger (docs/protocol.md §10–§14)
/// @notice Records the eligibility roll per constituency, accepts encrypted ballots from
///         gateways during the polling window, keeps encrypted per-candidate totals with the
///         last-vote-counts rule and records spoiled (challenged) ballots. Decryption and results
///         are recorded by the election's {IElectionTally}. No role can alter or delete a ballot.
interface IElection is IElectionKeyReceiver {
    // `root` and `voters` stay unindexed: the event's signature is part of the published ABI.
    // solhint-disable gas-indexed-events
    /// @notice The registrar set constituency `constituency`'s eligibility root (§10.3).
    /// @param constituency The constituency.
    /// @param root Root of the `StandardMerkleTree` over `(credential, constituency)` leaves.
    /// @param voters Number of registered voters of the constituency.
    event EligibilityRootSet(uint256 indexed constituency, bytes32 root, uint256 voters);
    // solhint-enable gas-indexed-events
    /// @notice The joint election key arrived from the sealed ceremony.
    /// @param key The joint election key `K` (§6.5).
    event ElectionKeySet(Point key);
    /// @notice A ballot was recorded (§12.6). `supersededReceipt` is zero for a first ballot.
    /// @param credential The voter credential that signed the ballot (§11.1).
    /// @param constituency The ballot's constituency.
    /// @param receipt The ballot's receipt (§12.4).
    /// @param supersededReceipt The receipt of the ballot it replaces (§12.5), zero if none.
    /// @param ciphertextsHash The ballot's `ciphertextsHash` (§12.2).
    event BallotCast(
        address indexed credential,
        uint256 indexed constituency,
        bytes32 indexed receipt,
        bytes32 supersededReceipt,
        bytes32 ciphertextsHash
    );
    /// @notice A challenged ballot was opened and recorded as spoiled (§12.7).
    /// @param constituency The constituency the ballot was prepared for.
    /// @param ciphertextsHash The spoiled ballot's `ciphertextsHash` (§12.2).
    /// @param nonces Every option's nonce ρ, flattened in ballot order.
    /// @param selections Every option's plaintext 0/1, flattened in ballot order.
    event BallotSpoiled(
        uint256 indexed constituency,
        bytes32 indexed ciphertextsHash,
        uint256[] nonces,
        uint256[] selections
    );
    /// @notice Invalid election parameters at creation; `reason` names the field.
    /// @param reason The invalid field: `pollingWindow`, `credentialKdfLog2N`, `contests`,
    ///        `contest`, `constituencies`, `constituency` or `roll`.
    /// @param index The offending contest or constituency index, or the offending value
    ///        (`pollingStart`, the KDF cost), or 0.
    error ElectionConfigInvalid(string reason, uint256 index);
    /// @notice Only the election's key ceremony may hand over the key, once.
    /// @param caller The rejected caller.
    error ElectionUnauthorizedKeySource(address caller);
    /// @notice Outside the polling window `[start, end)`.
    /// @param timestamp The block timestamp.
    /// @param start `pollingStart`, UTC seconds (§10.2).
    /// @param end `pollingEnd`, UTC seconds.
    error ElectionPollingClosed(uint256 timestamp, uint256 start, uint256 end);
    /// @notice The roll is frozen: polling opened at `start`.
    /// @param start `pollingStart`, UTC seconds.
    error ElectionRollFrozen(uint256 start);
    /// @notice The election key is not sealed yet.
    error ElectionKeyNotSealed();
    /// @notice No such constituency.
    /// @param constituency The unknown constituency index.
    error ElectionUnknownConstituency(uint256 constituency);
    /// @notice No such contest.
    /// @param contestId The unknown contest id.
    error ElectionUnknownContest(uint256 contestId);
    /// @notice The constituency's eligibility root is not published.
    /// @param constituency The constituency without a root.
    error ElectionRollNotPublished(uint256 constituency);
    /// @notice The credential is not in the constituency's roll (§10.3).
    /// @param credential The ballot's credential.
    /// @param constituency The ballot's constituency.
    error ElectionNotEligible(address credential, uint256 constituency);
    /// @notice The ballot's contests are not exactly the constituency's, in order (§12.6.4).
    /// @param constituency The ballot's constituency.
    /// @param position The first mismatching position, or the ballot's contest count if the
    ///        count differs.
    /// @param contestId The contest id found there (2²⁵⁶ − 1 if the count differs).
    error ElectionContestMismatch(uint256 constituency, uint256 position, uint256 contestId);
    /// @notice A contest's ciphertexts, option proofs or the ballot's size do not fit (§8.1).
    /// @param contestId The contest, or 2²⁵⁶ − 1 for the nonces or selections of an opened
    ///        ballot (§12.7).
    /// @param expected The expected number of options.
    /// @param actual The number found.
    error ElectionBallotShapeInvalid(uint256 contestId, uint256 expected, uint256 actual);
    /// @notice `previousReceipt` or the resupplied ciphertexts do not match the record (§12.5).
    /// @param credential The ballot's credential.
    /// @param previousReceipt The ballot's `previousReceipt`.
    error ElectionPreviousBallotMismatch(address credential, bytes32 previousReceipt);
    /// @notice The ballot's ciphertexts were spoiled by a Benaloh challenge (§12.7).
    /// @param ciphertextsHash The spoiled `ciphertextsHash` (§12.2).
    error ElectionBallotSpoiled(bytes32 ciphertextsHash);
    /// @notice The EIP-712 signature does not recover the credential (§12.3).
    /// @param credential The credential the signature should recover.
    error ElectionBadSignature(address credential);
    /// @notice An option proof failed (`option`), or the selection proof (`option` = 2²⁵⁶ − 1).
    /// @param contestId The contest whose proof failed.
    /// @param option The first failing option, or 2²⁵⁶ − 1 for the selection proof (§5.3).
    error ElectionProofInvalid(uint256 contestId, uint256 option);
    /// @notice A batch is empty, or ballot `index` is not for the batch's constituency.
    /// @param index Position of the offending ballot in the batch (0 for an empty batch).
    /// @param constituency The batch's constituency.
    error ElectionBatchInvalid(uint256 index, uint256 constituency);
    /// @notice An opened (challenged) ballot does not match its ciphertexts (§12.7).
    /// @param contestId The contest of the failing ciphertext.
    /// @param option The option whose nonce and selection do not open its ciphertext.
    error ElectionOpeningInvalid(uint256 contestId, uint256 option);
    /// @notice Publishes constituency `constituency`'s eligibility root and registered-voter
    ///         count; registrar only, before polling opens (§10.3).
    /// @param constituency The constituency.
    /// @param root Root of the `StandardMerkleTree` over `(credential, constituency)` leaves;
    ///        nonzero.
    /// @param voters Number of registered voters `voters(v)`, nonzero; sums to the §7.4 bound.
    function setEligibilityRoot(uint256 constituency, bytes32 root, uint256 voters) external;

    /// @notice Records a signed encrypted ballot; gateway only (§12.6).
    /// @param ballot The encrypted ballot (§12.1).
    /// @param signature The credential's EIP-712 signature (§12.3).
    /// @param eligibilityProof Merkle proof of `leaf(credential, constituency)` (§10.3).
    /// @param superseded The superseded ballot's ciphertexts, flattened; empty for a first ballot.
    /// @return receipt The receipt (§12.4).
    function castBallot(
        Ballot calldata ballot,
        bytes calldata signature,
        bytes32[] calldata eligibilityProof,
        Ciphertext[] calldata superseded
    ) external returns (bytes32 receipt);

    /// @notice Records several signed ballots of one constituency in one transaction; gateway
    ///         only. Each ballot goes through exactly the checks of {castBallot}, in order; the
    ///         constituency's encrypted totals are read once, updated in memory ballot by ballot
    ///         and written once. Any failing ballot reverts the whole batch with its error.
    /// @param constituency The constituency every ballot of the batch belongs to.
    /// @param submissions The ballots with their signatures, proofs and superseded ciphertexts.
    /// @return receipts The receipts, in order (§12.4).
    function castBallots(
        uint256 constituency,
        BallotSubmission[] calldata submissions
    ) external returns (bytes32[] memory receipts);

    /// @notice Records an opened (Benaloh-challenged) ballot as spoiled; gateway only (§12.7).
    /// @param constituency The constituency the ballot was prepared for.
    /// @param contests The ballot's contests (proofs are not checked: the opening is).
    /// @param nonces Every option's nonce ρ, flattened in ballot order.
    /// @param selections Every option's plaintext 0/1, flattened in ballot order.
    function publishSpoiledBallot(
        uint256 constituency,
        ContestBallot[] calldata contests,
        uint256[] calldata nonces,
        uint256[] calldata selections
    ) external;

    /// @notice The §3.2 election identifier.
    /// @return The identifier `electionId`.
    function electionId() external view returns (bytes32);

    /// @notice The key ceremony of this election.
    /// @return The {IKeyCeremony} address.
    function ceremony() external view returns (address);

    /// @notice Polling window `[start, end)` in UTC seconds, manifest hash and KDF cost.
    /// @return pollingStart First second of polling, UTC (§10.2).
    /// @return pollingEnd First second after polling, UTC.
    /// @return manifestHash keccak256 of the election manifest (§10.1).
    /// @return kdfLog2N log₂ of the credential scrypt cost `N` (§11.1).
    function schedule()
        external
        view
        returns (uint64 pollingStart, uint64 pollingEnd, bytes32 manifestHash, uint8 kdfLog2N);

    /// @notice Number of contests and constituencies.
    /// @return contests Number of contests `C` (ids `0 … C−1`, §10.1).
    /// @return constituencies Number of constituencies `V` (ids `0 … V−1`).
    function sizes() external view returns (uint256 contests, uint256 constituencies);

    /// @notice Contest `contestId`'s parameters.
    /// @param contestId The contest id.
    /// @return The option count and selection rule (§10.1).
    function contest(uint256 contestId) external view returns (ContestConfig memory);

    /// @notice The contest ids on constituency `constituency`'s ballot.
    /// @param constituency The constituency.
    /// @return The contest ids, strictly ascending (§10.1).
    function constituencyContests(uint256 constituency) external view returns (uint256[] memory);

    /// @notice Eligibility root and registered-voter count of `constituency`.
    /// @param constituency The constituency.
    /// @return root The eligibility root (§10.3), zero if not published.
    /// @return voters The registered-voter count, zero if not published.
    function roll(uint256 constituency) external view returns (bytes32 root, uint256 voters);

    /// @notice The joint election key, `(0, 0)` until sealed.
    /// @return The key `K` (§6.5).
    function electionKey() external view returns (Point memory);

    /// @notice The credential's ballot record `keccak256(receipt ‖ ciphertextsHash ‖ constituency)`
    ///         (§12.5).
    /// @param credential The voter credential.
    /// @return The record of its last ballot, zero before its first.
    function ballotRecord(address credential) external view returns (bytes32);

    /// @notice True if the ciphertexts were spoiled (§12.7).
    /// @param ciphertextsHash The `ciphertextsHash` of a ballot (§12.2).
    /// @return True iff an opened ballot with these ciphertexts was published.
    function isSpoiled(bytes32 ciphertextsHash) external view returns (bool);

    /// @notice The encrypted totals of `contestId`, one ciphertext per option.
    /// @param contestId The contest id.
    /// @return The homomorphic sums of the counted ballots' ciphertexts (§4.3, §12.5).
    function totals(uint256 contestId) external view returns (Ciphertext[] memory);

    /// @notice The bound of §7.4 for `contestId`: registered voters who can vote in it.
    /// @param contestId The contest id.
    /// @return `Σ voters(v)` over the constituencies whose ballot lists the contest (§10.3).
    function contestBound(uint256 contestId) external view returns (uint256);
}
