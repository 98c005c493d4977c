// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ciphertext, Point, RangeProof, ZeroOneProof} from "../crypto/CryptoTypes.sol";

/// @notice A contest (docs/protocol.md §10.1): `options` candidates, selection rule
///         `minSelections … maxSelections` (§5.3).
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
struct ContestBallot {
    uint256 contestId;
    Ciphertext[] ciphertexts;
    ZeroOneProof[] optionProofs;
    RangeProof selectionProof;
}

/// @notice An encrypted ballot (§12.1), signed by `credential` with EIP-712 (§12.3).
/// @param previousReceipt Receipt of the ballot this one supersedes, zero for a first ballot.
struct Ballot {
    address credential;
    uint256 constituency;
    bytes32 previousReceipt;
    ContestBallot[] contests;
}

/// @notice A share a dealer posts for one recipient (§6.2, §13.2).
struct EncryptedShare {
    uint256 recipient;
    Point ephemeral;
    uint256 masked;
}

/// @notice The recorded result of a contest (§14.2, §14.3).
struct ContestResult {
    bool finalized;
    bool excluded;
    bytes32 exclusionOrderHash;
    uint256[] counts;
    uint256[] trustees;
}
