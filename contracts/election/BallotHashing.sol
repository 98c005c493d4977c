// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ciphertext} from "../crypto/CryptoTypes.sol";
import {ContestBallot} from "./ElectionTypes.sol";

/// @title Ballot hashes (docs/protocol.md §12.2, §12.4, §12.5)
/// @notice The ballot hashes the election checks and records: `ciphertextsHash`, `contentHash`,
///         the EIP-712 struct hash, the receipt and the per-credential record.
library BallotHashing {
    /// @notice §9 `TAG_RECEIPT = keccak256("shafaf/v1/receipt")`.
    bytes32 internal constant TAG_RECEIPT = keccak256("shafaf/v1/receipt");

    /// @notice EIP-712 type of §12.3.
    bytes32 internal constant BALLOT_TYPEHASH = keccak256(
        "Ballot(address credential,uint256 constituency,bytes32 previousReceipt,bytes32 contentHash)"
    );

    /// @notice §12.2 `ciphertextsHash = keccak256(α.x ‖ α.y ‖ β.x ‖ β.y …)` over every option of
    ///         every contest, in ballot order. Each contest's ciphertexts are contiguous static
    ///         words in calldata, so they are copied as they are.
    /// @param contests The ballot's contests.
    /// @param totalOptions Σ options (already checked against the constituency).
    /// @return h The hash.
    function ciphertextsHash(
        ContestBallot[] calldata contests,
        uint256 totalOptions
    ) internal pure returns (bytes32 h) {
        bytes memory buffer = new bytes(totalOptions * 128);
        uint256 offset;
        for (uint256 i = 0; i < contests.length; ++i) {
            Ciphertext[] calldata cts = contests[i].ciphertexts;
            uint256 size = cts.length * 128;
            assembly ("memory-safe") {
                calldatacopy(add(add(buffer, 0x20), offset), cts.offset, size)
            }
            offset += size;
        }
        h = keccak256(buffer);
    }

    /// @notice §12.2 over a flat list (a resupplied superseded ballot).
    /// @param cts The ciphertexts, flattened in ballot order.
    /// @return h The hash.
    function flatCiphertextsHash(Ciphertext[] calldata cts) internal pure returns (bytes32 h) {
        bytes memory buffer = new bytes(cts.length * 128);
        assembly ("memory-safe") {
            calldatacopy(add(buffer, 0x20), cts.offset, mload(buffer))
        }
        h = keccak256(buffer);
    }

    /// @notice §12.3 `hashStruct(Ballot)` with `contentHash = keccak256(abi.encode(contests))`.
    /// @param credential The ballot's credential.
    /// @param constituency The ballot's constituency.
    /// @param previousReceipt The receipt of the superseded ballot, zero for a first ballot.
    /// @param contests The ballot's contests.
    /// @return The struct hash, to be wrapped into the EIP-712 `ballotDigest`.
    function ballotStructHash(
        address credential,
        uint256 constituency,
        bytes32 previousReceipt,
        ContestBallot[] calldata contests
    ) internal pure returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    BALLOT_TYPEHASH,
                    credential,
                    constituency,
                    previousReceipt,
                    contentHash(contests)
                )
            );
    }

    /// @notice §12.2 `contentHash = keccak256(abi.encode(contests))`, hashed from calldata.
    /// @dev ABI encoding is position independent, so the canonical `abi.encode(contests)` is the
    ///      word `0x20` followed by the calldata bytes of the array (its length word onwards, of
    ///      the canonical size computed from the decoded lengths). Those bytes are hashed as they
    ///      are instead of being re-encoded. A non-canonical encoding (odd offsets, padding) hashes
    ///      differently from what the voter signed, so its signature does not verify; a canonical
    ///      one decodes exactly to the signed contests.
    /// @param contests The ballot's contests, in calldata.
    /// @return h The `contentHash`.
    function contentHash(ContestBallot[] calldata contests) internal pure returns (bytes32 h) {
        uint256 size = 32 + 32 * contests.length; // length word and element offsets
        for (uint256 i = 0; i < contests.length; ++i) {
            ContestBallot calldata c = contests[i];
            uint256 n = c.ciphertexts.length;
            // head (contestId + 3 offsets), ciphertexts (length + 4n), option proofs (length + 11n),
            // selection proof (4 offsets; a, b: length + 2L; c, v: length + entries).
            size +=
                32 *
                (4 +
                    (1 + 4 * n) +
                    (1 + 11 * c.optionProofs.length) +
                    4 +
                    (1 + 2 * c.selectionProof.a.length) +
                    (1 + 2 * c.selectionProof.b.length) +
                    (1 + c.selectionProof.c.length) +
                    (1 + c.selectionProof.v.length));
        }
        bytes memory buffer = new bytes(32 + size);
        assembly ("memory-safe") {
            mstore(add(buffer, 0x20), 0x20)
            calldatacopy(add(buffer, 0x40), sub(contests.offset, 0x20), size)
        }
        h = keccak256(buffer);
    }

    /// @notice §12.4 `receipt = keccak256(TAG_RECEIPT ‖ electionId ‖ ballotDigest ‖ keccak256(sig))`.
    /// @param electionId The §3.2 election identifier.
    /// @param ballotDigest The EIP-712 digest the credential signed (§12.3).
    /// @param signature The credential's signature.
    /// @return The receipt.
    function receipt(
        bytes32 electionId,
        bytes32 ballotDigest,
        bytes calldata signature
    ) internal pure returns (bytes32) {
        return keccak256(abi.encode(TAG_RECEIPT, electionId, ballotDigest, keccak256(signature)));
    }

    /// @notice §12.5 `record = keccak256(receipt ‖ ciphertextsHash ‖ constituency)`.
    /// @param receipt_ The ballot's receipt (§12.4).
    /// @param ciphertextsHash_ The ballot's `ciphertextsHash` (§12.2).
    /// @param constituency The ballot's constituency.
    /// @return The record kept for the credential.
    function record(
        bytes32 receipt_,
        bytes32 ciphertextsHash_,
        uint256 constituency
    ) internal pure returns (bytes32) {
        return keccak256(abi.encode(receipt_, ciphertextsHash_, constituency));
    }
}
