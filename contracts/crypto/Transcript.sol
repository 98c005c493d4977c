// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {Ciphertext, Point, ZeroOneProof} from "./CryptoTypes.sol";

/// @title Fiat–Shamir transcripts and domain tags
/// @notice Domain tags of docs/protocol.md §9, the election identifier of §3.2 and the
///         challenge of every proof of §5:
///         `c = uint256(keccak256(W₁ ‖ W₂ ‖ … ‖ Wₙ)) mod r` (§3.1).
/// @dev Each transcript is written word by word into the memory past the free memory pointer
///      (which is not moved) and hashed in place, so the hash is byte-identical to
///      `keccak256(abi.encode(W₁, …, Wₙ))` over `bytes32`/`uint256`/`address` words: integers are
///      big-endian, addresses right-aligned, a point contributes `x ‖ y`. Nothing here validates
///      its inputs; the verifiers validate before hashing.
library Transcript {
    /// @notice §9 `TAG_ELECTION_ID = keccak256("shafaf/v1/election-id")`.
    bytes32 internal constant TAG_ELECTION_ID = keccak256("shafaf/v1/election-id");
    /// @notice §9 `TAG_ZERO_ONE = keccak256("shafaf/v1/zero-one-proof")`.
    bytes32 internal constant TAG_ZERO_ONE = keccak256("shafaf/v1/zero-one-proof");
    /// @notice §9 `TAG_SELECTION = keccak256("shafaf/v1/selection-proof")`.
    bytes32 internal constant TAG_SELECTION = keccak256("shafaf/v1/selection-proof");
    /// @notice §9 `TAG_SCHNORR = keccak256("shafaf/v1/schnorr-proof")`.
    bytes32 internal constant TAG_SCHNORR = keccak256("shafaf/v1/schnorr-proof");
    /// @notice §9 `TAG_DECRYPTION = keccak256("shafaf/v1/decryption-proof")`.
    bytes32 internal constant TAG_DECRYPTION = keccak256("shafaf/v1/decryption-proof");
    /// @notice §9 `TAG_COMPLAINT = keccak256("shafaf/v1/complaint-proof")`.
    bytes32 internal constant TAG_COMPLAINT = keccak256("shafaf/v1/complaint-proof");
    /// @notice §9 `TAG_SHARE_PAD = keccak256("shafaf/v1/share-encryption")`.
    bytes32 internal constant TAG_SHARE_PAD = keccak256("shafaf/v1/share-encryption");

    /// @notice The commitment arrays `a` and `b` of a range proof differ in length.
    /// @param aLength Length of `a`.
    /// @param bLength Length of `b`.
    error TranscriptLengthMismatch(uint256 aLength, uint256 bLength);

    /// @notice §3.2 `electionId = keccak256(TAG_ELECTION_ID ‖ chainId ‖ electionContract)`.
    /// @param chainId The chain id.
    /// @param election The election contract (a right-aligned word).
    /// @return id The election identifier.
    function electionId(uint256 chainId, address election) internal pure returns (bytes32 id) {
        id = keccak256(abi.encode(TAG_ELECTION_ID, chainId, election));
    }

    /// @notice §3.1 reduction of a transcript hash to a challenge, `uint256(h) mod r`.
    /// @param h The transcript hash.
    /// @return c The challenge.
    function toChallenge(bytes32 h) internal pure returns (uint256 c) {
        c = uint256(h) % BN254.R;
    }

    /// @notice §5.2.1 option-proof challenge, 21 words:
    ///         `c = H(TAG_ZERO_ONE ‖ electionId ‖ contestIndex ‖ voter ‖ optionIndex ‖ 0 ‖ 1 ‖
    ///         K.x ‖ K.y ‖ α.x ‖ α.y ‖ β.x ‖ β.y ‖ a₀.x ‖ a₀.y ‖ b₀.x ‖ b₀.y ‖ a₁.x ‖ a₁.y ‖
    ///         b₁.x ‖ b₁.y)`.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param optionIndex Option index `i`.
    /// @param key Election key `K`.
    /// @param ct Option ciphertext `(α, β)`.
    /// @param proof The option proof (only its commitments enter the hash).
    /// @return c The challenge `c` (`c₁ = c − c₀ mod r`).
    function zeroOneChallenge(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 optionIndex,
        Point memory key,
        Ciphertext memory ct,
        ZeroOneProof memory proof
    ) internal pure returns (uint256 c) {
        bytes32 tag = TAG_ZERO_ONE;
        bytes32 h;
        assembly ("memory-safe") {
            // Writes the point at pt as two words at dst; returns the next free word.
            function putPoint(dst, pt) -> next {
                mstore(dst, mload(pt))
                mstore(add(dst, 0x20), mload(add(pt, 0x20)))
                next := add(dst, 0x40)
            }
            let m := mload(0x40)
            mstore(m, tag)
            mstore(add(m, 0x20), id)
            mstore(add(m, 0x40), contestIndex)
            mstore(add(m, 0x60), and(voter, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(m, 0x80), optionIndex)
            mstore(add(m, 0xa0), 0)
            mstore(add(m, 0xc0), 1)
            let w := putPoint(add(m, 0xe0), key)
            w := putPoint(w, mload(ct))
            w := putPoint(w, mload(add(ct, 0x20)))
            w := putPoint(w, mload(proof))
            w := putPoint(w, mload(add(proof, 0x20)))
            w := putPoint(w, mload(add(proof, 0x40)))
            w := putPoint(w, mload(add(proof, 0x60)))
            h := keccak256(m, 0x2a0)
        }
        c = uint256(h) % BN254.R;
    }

    /// @notice §5.3.1 selection-proof challenge:
    ///         `c = H(TAG_SELECTION ‖ electionId ‖ contestIndex ‖ voter ‖ lo ‖ hi ‖ K ‖ A ‖ B ‖
    ///         a₀ ‖ b₀ ‖ … ‖ a_{L−1} ‖ b_{L−1})`.
    /// @dev Reverts with `TranscriptLengthMismatch` if `a` and `b` differ in length.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param lo `minSelections`.
    /// @param hi `maxSelections`.
    /// @param key Election key `K`.
    /// @param aggregate The aggregate `(A, B)` of the contest's option ciphertexts.
    /// @param a Commitments `a₀ … a_{L−1}`.
    /// @param b Commitments `b₀ … b_{L−1}`.
    /// @return c The challenge `c`.
    function selectionChallenge(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 lo,
        uint256 hi,
        Point memory key,
        Ciphertext memory aggregate,
        Point[] memory a,
        Point[] memory b
    ) internal pure returns (uint256 c) {
        if (a.length != b.length) revert TranscriptLengthMismatch(a.length, b.length);
        bytes32 tag = TAG_SELECTION;
        bytes32 h;
        assembly ("memory-safe") {
            // Writes the point at pt as two words at dst; returns the next free word.
            function putPoint(dst, pt) -> next {
                mstore(dst, mload(pt))
                mstore(add(dst, 0x20), mload(add(pt, 0x20)))
                next := add(dst, 0x40)
            }
            let m := mload(0x40)
            mstore(m, tag)
            mstore(add(m, 0x20), id)
            mstore(add(m, 0x40), contestIndex)
            mstore(add(m, 0x60), and(voter, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(m, 0x80), lo)
            mstore(add(m, 0xa0), hi)
            let w := putPoint(add(m, 0xc0), key)
            w := putPoint(w, mload(aggregate))
            w := putPoint(w, mload(add(aggregate, 0x20)))
            let end := add(a, shl(5, add(mload(a), 1)))
            for {
                let pa := add(a, 0x20)
                let pb := add(b, 0x20)
            } lt(pa, end) {
                pa := add(pa, 0x20)
                pb := add(pb, 0x20)
            } {
                w := putPoint(w, mload(pa))
                w := putPoint(w, mload(pb))
            }
            h := keccak256(m, sub(w, m))
        }
        c = uint256(h) % BN254.R;
    }

    /// @notice §5.4.1 Schnorr challenge:
    ///         `c = H(TAG_SCHNORR ‖ electionId ‖ i ‖ j ‖ C.x ‖ C.y ‖ h.x ‖ h.y)`.
    /// @param id Election identifier (§3.2).
    /// @param trustee Trustee index `i` (1-based).
    /// @param coefficientIndex Coefficient index `j`.
    /// @param commitment Coefficient commitment `C = C_{i,j}`.
    /// @param h Proof commitment `h = wG`.
    /// @return c The challenge.
    function schnorrChallenge(
        bytes32 id,
        uint256 trustee,
        uint256 coefficientIndex,
        Point memory commitment,
        Point memory h
    ) internal pure returns (uint256 c) {
        bytes32 tag = TAG_SCHNORR;
        bytes32 digest;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, tag)
            mstore(add(m, 0x20), id)
            mstore(add(m, 0x40), trustee)
            mstore(add(m, 0x60), coefficientIndex)
            mstore(add(m, 0x80), mload(commitment))
            mstore(add(m, 0xa0), mload(add(commitment, 0x20)))
            mstore(add(m, 0xc0), mload(h))
            mstore(add(m, 0xe0), mload(add(h, 0x20)))
            digest := keccak256(m, 0x100)
        }
        c = uint256(digest) % BN254.R;
    }

    /// @notice §5.5.1 decryption-proof challenge, 17 words:
    ///         `c = H(TAG_DECRYPTION ‖ electionId ‖ contestIndex ‖ optionIndex ‖ i ‖ Kᵢ ‖ A ‖ B ‖
    ///         Mᵢ ‖ a ‖ b)`.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param optionIndex Option index.
    /// @param trustee Trustee index `i` (1-based).
    /// @param shareKey Public share key `Kᵢ` (§6.6).
    /// @param aggregate Aggregate ciphertext `(A, B)`.
    /// @param partialDecryption Partial decryption `Mᵢ = sᵢA`.
    /// @param a Proof commitment `a = wG`.
    /// @param b Proof commitment `b = wA`.
    /// @return c The challenge.
    function decryptionChallenge(
        bytes32 id,
        uint256 contestIndex,
        uint256 optionIndex,
        uint256 trustee,
        Point memory shareKey,
        Ciphertext memory aggregate,
        Point memory partialDecryption,
        Point memory a,
        Point memory b
    ) internal pure returns (uint256 c) {
        bytes32 tag = TAG_DECRYPTION;
        bytes32 h;
        assembly ("memory-safe") {
            // Writes the point at pt as two words at dst; returns the next free word.
            function putPoint(dst, pt) -> next {
                mstore(dst, mload(pt))
                mstore(add(dst, 0x20), mload(add(pt, 0x20)))
                next := add(dst, 0x40)
            }
            let m := mload(0x40)
            mstore(m, tag)
            mstore(add(m, 0x20), id)
            mstore(add(m, 0x40), contestIndex)
            mstore(add(m, 0x60), optionIndex)
            mstore(add(m, 0x80), trustee)
            let w := putPoint(add(m, 0xa0), shareKey)
            w := putPoint(w, mload(aggregate))
            w := putPoint(w, mload(add(aggregate, 0x20)))
            w := putPoint(w, partialDecryption)
            w := putPoint(w, a)
            w := putPoint(w, b)
            h := keccak256(m, 0x220)
        }
        c = uint256(h) % BN254.R;
    }

    /// @notice §5.6.1 complaint-proof challenge, 14 words:
    ///         `c = H(TAG_COMPLAINT ‖ electionId ‖ i ‖ l ‖ C_{l,0} ‖ E ‖ D ‖ a ‖ b)`.
    /// @param id Election identifier (§3.2).
    /// @param dealer Dealer index `i`.
    /// @param recipient Recipient index `l`.
    /// @param recipientKey Recipient's key `C_{l,0}`.
    /// @param ephemeral Share-encryption ephemeral `E = ξG`.
    /// @param sharedPoint Revealed shared point `D = a_{l,0}E`.
    /// @param a Proof commitment `a = wG`.
    /// @param b Proof commitment `b = wE`.
    /// @return c The challenge.
    function complaintChallenge(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point memory recipientKey,
        Point memory ephemeral,
        Point memory sharedPoint,
        Point memory a,
        Point memory b
    ) internal pure returns (uint256 c) {
        bytes32 tag = TAG_COMPLAINT;
        bytes32 h;
        assembly ("memory-safe") {
            // Writes the point at pt as two words at dst; returns the next free word.
            function putPoint(dst, pt) -> next {
                mstore(dst, mload(pt))
                mstore(add(dst, 0x20), mload(add(pt, 0x20)))
                next := add(dst, 0x40)
            }
            let m := mload(0x40)
            mstore(m, tag)
            mstore(add(m, 0x20), id)
            mstore(add(m, 0x40), dealer)
            mstore(add(m, 0x60), recipient)
            let w := putPoint(add(m, 0x80), recipientKey)
            w := putPoint(w, ephemeral)
            w := putPoint(w, sharedPoint)
            w := putPoint(w, a)
            w := putPoint(w, b)
            h := keccak256(m, 0x1c0)
        }
        c = uint256(h) % BN254.R;
    }

    /// @notice §6.2 share-encryption pad:
    ///         `pad = keccak256(TAG_SHARE_PAD ‖ electionId ‖ i ‖ l ‖ E.x ‖ E.y ‖ D.x ‖ D.y)`
    ///         (not reduced; `σ = s XOR pad`).
    /// @param id Election identifier (§3.2).
    /// @param dealer Dealer index `i`.
    /// @param recipient Recipient index `l`.
    /// @param ephemeral `E = ξG`.
    /// @param sharedPoint `D = ξ·C_{l,0} = a_{l,0}E`.
    /// @return pad The 32-byte pad.
    function sharePad(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point memory ephemeral,
        Point memory sharedPoint
    ) internal pure returns (bytes32 pad) {
        bytes32 tag = TAG_SHARE_PAD;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, tag)
            mstore(add(m, 0x20), id)
            mstore(add(m, 0x40), dealer)
            mstore(add(m, 0x60), recipient)
            mstore(add(m, 0x80), mload(ephemeral))
            mstore(add(m, 0xa0), mload(add(ephemeral, 0x20)))
            mstore(add(m, 0xc0), mload(sharedPoint))
            mstore(add(m, 0xe0), mload(add(sharedPoint, 0x20)))
            pad := keccak256(m, 0x100)
        }
    }
}
