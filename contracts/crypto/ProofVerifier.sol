// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ComplaintProofVerifier} from "./ComplaintProofVerifier.sol";
import {ContestBallotVerifier} from "./ContestBallotVerifier.sol";
import {
    Ciphertext,
    DleqProof,
    Point,
    RangeProof,
    SchnorrProof,
    ZeroOneProof
} from "./CryptoTypes.sol";
import {DecryptionProofVerifier} from "./DecryptionProofVerifier.sol";
import {ElGamal} from "./ElGamal.sol";
import {IProofVerifier} from "./IProofVerifier.sol";
import {SchnorrProofVerifier} from "./SchnorrProofVerifier.sol";
import {Threshold} from "./Threshold.sol";
import {Transcript} from "./Transcript.sol";
import {ZeroOneProofVerifier} from "./ZeroOneProofVerifier.sol";

/// @title Shafaf proof verifier
/// @notice Stateless external entry points over the `contracts/crypto` libraries
///         (docs/protocol.md §3–§8).
contract ProofVerifier is IProofVerifier {
    /// @inheritdoc IProofVerifier
    function verifyZeroOneProof(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 optionIndex,
        Point calldata key,
        Ciphertext calldata ciphertext,
        ZeroOneProof calldata proof
    ) external view {
        ZeroOneProofVerifier.check(id, contestIndex, voter, optionIndex, key, ciphertext, proof);
    }

    /// @inheritdoc IProofVerifier
    function verifySelectionProof(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point calldata key,
        Ciphertext[] calldata options,
        RangeProof calldata proof
    ) external view {
        ContestBallotVerifier.checkSelection(
            id,
            contestIndex,
            voter,
            minSelections,
            maxSelections,
            key,
            options,
            proof
        );
    }

    /// @inheritdoc IProofVerifier
    function verifyContestBallot(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point calldata key,
        Ciphertext[] calldata options,
        ZeroOneProof[] calldata optionProofs,
        RangeProof calldata selectionProof
    ) external view {
        ContestBallotVerifier.check(
            id,
            contestIndex,
            voter,
            minSelections,
            maxSelections,
            key,
            options,
            optionProofs,
            selectionProof
        );
    }

    /// @inheritdoc IProofVerifier
    function verifySchnorrProof(
        bytes32 id,
        uint256 trustee,
        uint256 coefficientIndex,
        Point calldata commitment,
        SchnorrProof calldata proof
    ) external view {
        SchnorrProofVerifier.check(id, trustee, coefficientIndex, commitment, proof);
    }

    /// @inheritdoc IProofVerifier
    function verifyDecryptionProof(
        bytes32 id,
        uint256 contestIndex,
        uint256 optionIndex,
        uint256 trustee,
        Point calldata shareKey,
        Ciphertext calldata aggregate,
        Point calldata partialDecryption,
        DleqProof calldata proof
    ) external view {
        DecryptionProofVerifier.check(
            id,
            contestIndex,
            optionIndex,
            trustee,
            shareKey,
            aggregate,
            partialDecryption,
            proof
        );
    }

    /// @inheritdoc IProofVerifier
    function verifyComplaintProof(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point calldata recipientKey,
        Point calldata ephemeral,
        Point calldata sharedPoint,
        DleqProof calldata proof
    ) external view {
        ComplaintProofVerifier.check(
            id,
            dealer,
            recipient,
            recipientKey,
            ephemeral,
            sharedPoint,
            proof
        );
    }

    /// @inheritdoc IProofVerifier
    function publicShareKey(
        Point[] calldata commitmentsFlat,
        uint256 threshold,
        uint256 trustee
    ) external view returns (Point memory key) {
        key = Threshold.publicShareKey(commitmentsFlat, threshold, trustee);
    }

    /// @inheritdoc IProofVerifier
    function verifyShare(
        Point[] calldata dealerCommitments,
        uint256 recipient,
        uint256 share
    ) external view returns (bool valid) {
        valid = Threshold.verifyShare(dealerCommitments, recipient, share);
    }

    /// @inheritdoc IProofVerifier
    function decideComplaint(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point[] calldata dealerCommitments,
        Point calldata recipientKey,
        Point calldata ephemeral,
        uint256 masked,
        Point calldata sharedPoint,
        DleqProof calldata proof
    ) external view returns (bool upheld) {
        upheld = Threshold.decideComplaint(
            id,
            dealer,
            recipient,
            dealerCommitments,
            recipientKey,
            ephemeral,
            masked,
            sharedPoint,
            proof
        );
    }

    /// @inheritdoc IProofVerifier
    function lagrangeCoefficients(
        uint256[] calldata trustees,
        uint256 trusteeCount,
        uint256 threshold
    ) external view returns (uint256[] memory lambdas) {
        lambdas = Threshold.lagrangeCoefficients(trustees, trusteeCount, threshold);
    }

    /// @inheritdoc IProofVerifier
    function checkDecryptedCount(
        Ciphertext calldata aggregate,
        uint256 trusteeCount,
        uint256 threshold,
        uint256[] calldata trustees,
        Point[] calldata partials,
        uint256 claimedCount,
        uint256 bound
    ) external view {
        Threshold.checkDecryptedCount(
            aggregate,
            trusteeCount,
            threshold,
            trustees,
            partials,
            claimedCount,
            bound
        );
    }

    /// @inheritdoc IProofVerifier
    function aggregateCiphertexts(
        Ciphertext[] calldata ciphertexts
    ) external view returns (Ciphertext memory total) {
        total = ElGamal.aggregate(ciphertexts);
    }

    /// @inheritdoc IProofVerifier
    function electionId(uint256 chainId, address election) external pure returns (bytes32 id) {
        id = Transcript.electionId(chainId, election);
    }

    /// @inheritdoc IProofVerifier
    function domainTags() external pure returns (bytes32[7] memory tags) {
        tags = [
            Transcript.TAG_ELECTION_ID,
            Transcript.TAG_ZERO_ONE,
            Transcript.TAG_SELECTION,
            Transcript.TAG_SCHNORR,
            Transcript.TAG_DECRYPTION,
            Transcript.TAG_COMPLAINT,
            Transcript.TAG_SHARE_PAD
        ];
    }

    /// @inheritdoc IProofVerifier
    function zeroOneChallenge(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 optionIndex,
        Point calldata key,
        Ciphertext calldata ciphertext,
        ZeroOneProof calldata proof
    ) external pure returns (uint256 c) {
        c = Transcript.zeroOneChallenge(
            id,
            contestIndex,
            voter,
            optionIndex,
            key,
            ciphertext,
            proof
        );
    }

    /// @inheritdoc IProofVerifier
    function selectionChallenge(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point calldata key,
        Ciphertext calldata aggregate,
        Point[] calldata a,
        Point[] calldata b
    ) external pure returns (uint256 c) {
        c = Transcript.selectionChallenge(
            id,
            contestIndex,
            voter,
            minSelections,
            maxSelections,
            key,
            aggregate,
            a,
            b
        );
    }

    /// @inheritdoc IProofVerifier
    function schnorrChallenge(
        bytes32 id,
        uint256 trustee,
        uint256 coefficientIndex,
        Point calldata commitment,
        Point calldata h
    ) external pure returns (uint256 c) {
        c = Transcript.schnorrChallenge(id, trustee, coefficientIndex, commitment, h);
    }

    /// @inheritdoc IProofVerifier
    function decryptionChallenge(
        bytes32 id,
        uint256 contestIndex,
        uint256 optionIndex,
        uint256 trustee,
        Point calldata shareKey,
        Ciphertext calldata aggregate,
        Point calldata partialDecryption,
        Point calldata a,
        Point calldata b
    ) external pure returns (uint256 c) {
        c = Transcript.decryptionChallenge(
            id,
            contestIndex,
            optionIndex,
            trustee,
            shareKey,
            aggregate,
            partialDecryption,
            a,
            b
        );
    }

    /// @inheritdoc IProofVerifier
    function complaintChallenge(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point calldata recipientKey,
        Point calldata ephemeral,
        Point calldata sharedPoint,
        Point calldata a,
        Point calldata b
    ) external pure returns (uint256 c) {
        c = Transcript.complaintChallenge(
            id,
            dealer,
            recipient,
            recipientKey,
            ephemeral,
            sharedPoint,
            a,
            b
        );
    }

    /// @inheritdoc IProofVerifier
    function sharePad(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point calldata ephemeral,
        Point calldata sharedPoint
    ) external pure returns (bytes32 pad) {
        pad = Transcript.sharePad(id, dealer, recipient, ephemeral, sharedPoint);
    }
}
