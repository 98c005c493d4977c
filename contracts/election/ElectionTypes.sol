// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ciphertext, Point, RangeProof, ZeroOneProof} from "../crypto/CryptoTypes.sol";

/// @notice A contest (docs/protocol.md §10.1): `options` candidates, selection rule
///         `minSelections … maxSelections` (§5.3).
/// @param options Number of candidates, `≥ 1`.
/// @param minSelections Fewest candidates a voter may select.
/// @param maxSelections Most candidates a voter may select.
struct ContestConfig {
    uint32 options;
    uint32 minSelections;
    uint32 maxSelections;
}

/// @notice Election parameters fixed at creation (§10).
/// @param pollingStart First second of polling, UTC (§10.2).
/// @param pollingEnd First second after polling, UTC.
/// @param manifestHash keccak256 of the published election manifest (names, candidates).
/// @param credentialKdfLog2N log₂ of the scrypt cost N of voter credentials (§11.1).
/// @param contests Contests by id.
/// @param constituencyContests Per constituency, the ids of the contests on its ballot, ascending.
// Only ever passed in calldata, never stored; its field order is part of the published ABI.
// solhint-disable-next-line gas-struct-packing
struct ElectionConfig {
    uint64 pollingStart;
    uint64 pollingEnd;
    bytes32 manifestHash;
    uint8 credentialKdfLog2N;
    ContestConfig[] contests;
    uint256[][] constituencyContests;
}

/// @notice One contest of a ballot (§12.1): a 0/1 ciphertext and option proof per candidate and
///         the selection proof.
/// @param contestId The contest id (§10.1).
/// @param ciphertexts One ciphertext `(α, β)` per option (§8.1).
/// @param optionProofs One option proof per option (§5.2).
/// @param selectionProof The selection proof (§5.3).
struct ContestBallot {
    uint256 contestId;
    Ciphertext[] ciphertexts;
    ZeroOneProof[] optionProofs;
    RangeProof selectionProof;
}

/// @notice An encrypted ballot (§12.1), signed by `credential` with EIP-712 (§12.3).
/// @param credential The voter credential (§11.1).
/// @param constituency The voter's constituency (§10.1).
/// @param previousReceipt Receipt of the ballot this one supersedes, zero for a first ballot.
/// @param contests One encrypted contest per contest of the constituency, in its order.
struct Ballot {
    address credential;
    uint256 constituency;
    bytes32 previousReceipt;
    ContestBallot[] contests;
}

/// @notice One ballot of a batch (§12.6): the ballot, its signature, its eligibility proof and
///         the superseded ballot's ciphertexts (empty for a first ballot).
/// @param ballot The encrypted ballot.
/// @param signature The credential's EIP-712 signature (§12.3).
/// @param eligibilityProof Merkle proof of `leaf(credential, constituency)` (§10.3).
/// @param superseded The superseded ballot's ciphertexts, flattened (§12.5).
struct BallotSubmission {
    Ballot ballot;
    bytes signature;
    bytes32[] eligibilityProof;
    Ciphertext[] superseded;
}

/// @notice A share a dealer posts for one recipient (§6.2, §13.2).
/// @param recipient The recipient's trustee index `l`.
/// @param ephemeral `E = ξG`.
/// @param masked `σ = s XOR pad`.
struct EncryptedShare {
    uint256 recipient;
    Point ephemeral;
    uint256 masked;
}

/// @notice The recorded result of a contest (§14.2, §14.3).
/// @param finalized True once the counts are verified and recorded.
/// @param excluded True once a court-ordered exclusion is recorded.
/// @param exclusionOrderHash keccak256 of the court order, zero if none.
/// @param counts The count of every option, in option order.
/// @param trustees The decryption set `Q` used.
struct ContestResult {
    bool finalized;
    bool excluded;
    bytes32 exclusionOrderHash;
    uint256[] counts;
    uint256[] trustees;
}
