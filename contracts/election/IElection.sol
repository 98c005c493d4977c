// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ciphertext, Point} from "../crypto/CryptoTypes.sol";
import {Ballot, ContestBallot, ContestConfig} from "./ElectionTypes.sol";

/// @title Receiver of the sealed election key
/// @notice Called by the election's key ceremony when it seals (docs/protocol.md §13.4).
interface IElectionKeyReceiver {
    /// @notice Hands the joint election key to the election; only its ceremony may call.
    function onKeySealed(Point calldata key) external;
}

/// @title One election on the ledger (docs/protocol.md §10–§14)
/// @notice Records the eligibility roll per constituency, accepts encrypted ballots from
///         gateways during the polling window, keeps encrypted per-candidate totals with the
///         last-vote-counts rule and records spoiled (challenged) ballots. Decryption and results
///         are recorded by the election's {IElectionTally}. No role can alter or delete a ballot.
interface IElection is IElectionKeyReceiver {
    /// @notice The registrar set constituency `constituency`'s eligibility root (§10.3).
    event EligibilityRootSet(uint256 indexed constituency, bytes32 root, uint256 voters);
    /// @notice The joint election key arrived from the sealed ceremony.
    event ElectionKeySet(Point key);
    /// @notice A ballot was recorded (§12.6). `supersededReceipt` is zero for a first ballot.
    event BallotCast(
        address indexed credential,
        uint256 indexed constituency,
        bytes32 indexed receipt,
        bytes32 supersededReceipt,
        bytes32 ciphertextsHash
    );
    /// @notice A challenged ballot was opened and recorded as spoiled (§12.7).
    event BallotSpoiled(
        uint256 indexed constituency,
        bytes32 indexed ciphertextsHash,
        uint256[] nonces,
        uint256[] selections
    );
    /// @notice Invalid election parameters at creation; `reason` names the field.
    error ElectionConfigInvalid(string reason, uint256 index);
    /// @notice Only the election's key ceremony may hand over the key, once.
    error ElectionUnauthorizedKeySource(address caller);
    /// @notice Outside the polling window `[start, end)`.
    error ElectionPollingClosed(uint256 timestamp, uint256 start, uint256 end);
    /// @notice The roll is frozen: polling opened at `start`.
    error ElectionRollFrozen(uint256 start);
    /// @notice The election key is not sealed yet.
    error ElectionKeyNotSealed();
    /// @notice No such constituency.
    error ElectionUnknownConstituency(uint256 constituency);
    /// @notice No such contest.
    error ElectionUnknownContest(uint256 contestId);
    /// @notice The constituency's eligibility root is not published.
    error ElectionRollNotPublished(uint256 constituency);
    /// @notice The credential is not in the constituency's roll (§10.3).
    error ElectionNotEligible(address credential, uint256 constituency);
    /// @notice The ballot's contests are not exactly the constituency's, in order (§12.6.4).
    error ElectionContestMismatch(uint256 constituency, uint256 position, uint256 contestId);
    /// @notice A contest's ciphertexts, option proofs or the ballot's size do not fit (§8.1).
    error ElectionBallotShapeInvalid(uint256 contestId, uint256 expected, uint256 actual);
    /// @notice `previousReceipt` or the resupplied ciphertexts do not match the record (§12.5).
    error ElectionPreviousBallotMismatch(address credential, bytes32 previousReceipt);
    /// @notice The ballot's ciphertexts were spoiled by a Benaloh challenge (§12.7).
    error ElectionBallotSpoiled(bytes32 ciphertextsHash);
    /// @notice The EIP-712 signature does not recover the credential (§12.3).
    error ElectionBadSignature(address credential);
    /// @notice An option proof failed (`option`), or the selection proof (`option` = 2²⁵⁶ − 1).
    error ElectionProofInvalid(uint256 contestId, uint256 option);
    /// @notice An opened (challenged) ballot does not match its ciphertexts (§12.7).
    error ElectionOpeningInvalid(uint256 contestId, uint256 option);
    /// @notice Publishes constituency `constituency`'s eligibility root and registered-voter
    ///         count; registrar only, before polling opens (§10.3).
    function setEligibilityRoot(uint256 constituency, bytes32 root, uint256 voters) external;

    /// @notice Records a signed encrypted ballot; gateway only (§12.6).
    /// @param ballot The ballot.
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
    function electionId() external view returns (bytes32);

    /// @notice The key ceremony of this election.
    function ceremony() external view returns (address);

    /// @notice Polling window `[start, end)` in UTC seconds, manifest hash and KDF cost.
    function schedule()
        external
        view
        returns (uint64 pollingStart, uint64 pollingEnd, bytes32 manifestHash, uint8 kdfLog2N);

    /// @notice Number of contests and constituencies.
    function sizes() external view returns (uint256 contests, uint256 constituencies);

    /// @notice Contest `contestId`'s parameters.
    function contest(uint256 contestId) external view returns (ContestConfig memory);

    /// @notice The contest ids on constituency `constituency`'s ballot.
    function constituencyContests(uint256 constituency) external view returns (uint256[] memory);

    /// @notice Eligibility root and registered-voter count of `constituency`.
    function roll(uint256 constituency) external view returns (bytes32 root, uint256 voters);

    /// @notice The joint election key, `(0, 0)` until sealed.
    function electionKey() external view returns (Point memory);

    /// @notice The credential's ballot record `keccak256(receipt ‖ ciphertextsHash)` (§12.5).
    function ballotRecord(address credential) external view returns (bytes32);

    /// @notice True if the ciphertexts were spoiled (§12.7).
    function isSpoiled(bytes32 ciphertextsHash) external view returns (bool);

    /// @notice The encrypted totals of `contestId`, one ciphertext per option.
    function totals(uint256 contestId) external view returns (Ciphertext[] memory);

    /// @notice The bound of §7.4 for `contestId`: registered voters who can vote in it.
    function contestBound(uint256 contestId) external view returns (uint256);

}
