// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ciphertext} from "../crypto/CryptoTypes.sol";
import {ContestBallot} from "./ElectionTypes.sol";

/// @title Ballot hashes (docs/protocol.md §12.2, §12.4, §12.5)
library BallotHashing {
    /// @notice §9 `TAG_RECEIPT = keccak256("shafaf/v1/receipt")`.
    bytes32 internal constant TAG_RECEIPT = keccak256("shafaf/v1/receipt");

    /// @notice EIP-712 type of §12.3.
    bytes32 internal constant BALLOT_TYPEHASH =
        keccak256(
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
                    keccak256(abi.encode(contests))
                )
            );
    }

    /// @notice §12.4 `receipt = keccak256(TAG_RECEIPT ‖ electionId ‖ ballotDigest ‖ keccak256(sig))`.
    function receipt(
        bytes32 electionId,
        bytes32 ballotDigest,
        bytes calldata signature
    ) internal pure returns (bytes32) {
        return keccak256(abi.encode(TAG_RECEIPT, electionId, ballotDigest, keccak256(signature)));
    }

    /// @notice §12.5 `record = keccak256(receipt ‖ ciphertextsHash)`.
    function record(bytes32 receipt_, bytes32 ciphertextsHash_) internal pure returns (bytes32) {
        return keccak256(abi.encode(receipt_, ciphertextsHash_));
    }
}
