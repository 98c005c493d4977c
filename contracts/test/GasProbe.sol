// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Memory parameters on purpose: the ABI decoding into memory happens before each measurement,
// so that only the library check itself is measured.
// solhint-disable gas-calldata-parameters

import {ContestBallotVerifier} from "../crypto/ContestBallotVerifier.sol";
import {
    Ciphertext,
    DleqProof,
    Point,
    RangeProof,
    SchnorrProof,
    ZeroOneProof
} from "../crypto/CryptoTypes.sol";
import {DecryptionProofVerifier} from "../crypto/DecryptionProofVerifier.sol";
import {ElGamal} from "../crypto/ElGamal.sol";
import {RangeProofVerifier} from "../crypto/RangeProofVerifier.sol";
import {SchnorrProofVerifier} from "../crypto/SchnorrProofVerifier.sol";
import {Threshold} from "../crypto/Threshold.sol";
import {ZeroOneProofVerifier} from "../crypto/ZeroOneProofVerifier.sol";

/// @title Gas probe for the crypto libraries (test and bench only, never deployed to a chain)
/// @notice Each function runs one library check on already ABI-decoded memory arguments and
///         returns the execution gas of that check alone (`gasleft()` before minus after), so
///         memory and decoding costs are excluded. Call with `eth_call` (`staticCall`).
contract GasProbe {
    /// @notice Gas of {ZeroOneProofVerifier.check} (§5.2.3).
    /// @param id Election identifier.
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param optionIndex Option index.
    /// @param key Election key.
    /// @param ct Option ciphertext.
    /// @param proof Option proof.
    /// @return gasUsed Execution gas of the check.
    function zeroOne(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 optionIndex,
        Point memory key,
        Ciphertext memory ct,
        ZeroOneProof memory proof
    ) external view returns (uint256 gasUsed) {
        uint256 start = gasleft();
        ZeroOneProofVerifier.check(id, contestIndex, voter, optionIndex, key, ct, proof);
        gasUsed = start - gasleft();
    }

    /// @notice Gas of {RangeProofVerifier.check} over a precomputed aggregate (§5.3.3 without
    ///         the aggregation).
    /// @param id Election identifier.
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param lo minSelections.
    /// @param hi maxSelections.
    /// @param key Election key.
    /// @param aggregate Aggregate ciphertext.
    /// @param proof Selection proof.
    /// @return gasUsed Execution gas of the check.
    function rangeProof(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 lo,
        uint256 hi,
        Point memory key,
        Ciphertext memory aggregate,
        RangeProof memory proof
    ) external view returns (uint256 gasUsed) {
        uint256 start = gasleft();
        RangeProofVerifier.check(id, contestIndex, voter, lo, hi, key, aggregate, proof);
        gasUsed = start - gasleft();
    }

    /// @notice Gas of {ContestBallotVerifier.checkSelection} (§5.3.3, aggregation included).
    /// @param id Election identifier.
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param minSelections minSelections.
    /// @param maxSelections maxSelections.
    /// @param key Election key.
    /// @param options Option ciphertexts.
    /// @param proof Selection proof.
    /// @return gasUsed Execution gas of the check.
    function selection(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point memory key,
        Ciphertext[] memory options,
        RangeProof memory proof
    ) external view returns (uint256 gasUsed) {
        uint256 start = gasleft();
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
        gasUsed = start - gasleft();
    }

    /// @notice Gas of {ContestBallotVerifier.check} (§8.2).
    /// @param id Election identifier.
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param minSelections minSelections.
    /// @param maxSelections maxSelections.
    /// @param key Election key.
    /// @param options Option ciphertexts.
    /// @param optionProofs Option proofs.
    /// @param selectionProof Selection proof.
    /// @return gasUsed Execution gas of the check.
    function contestBallot(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point memory key,
        Ciphertext[] memory options,
        ZeroOneProof[] memory optionProofs,
        RangeProof memory selectionProof
    ) external view returns (uint256 gasUsed) {
        uint256 start = gasleft();
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
        gasUsed = start - gasleft();
    }

    /// @notice Gas of {SchnorrProofVerifier.check} (§5.4.2).
    /// @param id Election identifier.
    /// @param trustee Trustee index.
    /// @param coefficientIndex Coefficient index.
    /// @param commitment Coefficient commitment.
    /// @param proof Schnorr proof.
    /// @return gasUsed Execution gas of the check.
    function schnorr(
        bytes32 id,
        uint256 trustee,
        uint256 coefficientIndex,
        Point memory commitment,
        SchnorrProof memory proof
    ) external view returns (uint256 gasUsed) {
        uint256 start = gasleft();
        SchnorrProofVerifier.check(id, trustee, coefficientIndex, commitment, proof);
        gasUsed = start - gasleft();
    }

    /// @notice Gas of {DecryptionProofVerifier.check} (§5.5.2).
    /// @param id Election identifier.
    /// @param contestIndex Contest index.
    /// @param optionIndex Option index.
    /// @param trustee Trustee index.
    /// @param shareKey Public share key.
    /// @param aggregate Aggregate ciphertext.
    /// @param partialDecryption Partial decryption.
    /// @param proof Decryption proof.
    /// @return gasUsed Execution gas of the check.
    function decryption(
        bytes32 id,
        uint256 contestIndex,
        uint256 optionIndex,
        uint256 trustee,
        Point memory shareKey,
        Ciphertext memory aggregate,
        Point memory partialDecryption,
        DleqProof memory proof
    ) external view returns (uint256 gasUsed) {
        uint256 start = gasleft();
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
        gasUsed = start - gasleft();
    }

    /// @notice Gas of {Threshold.decideComplaint} (§6.4, proof check included).
    /// @param id Election identifier.
    /// @param dealer Dealer index.
    /// @param recipient Recipient index.
    /// @param dealerCommitments Dealer commitments.
    /// @param recipientKey Recipient key.
    /// @param ephemeral Share ephemeral E.
    /// @param masked Masked share σ.
    /// @param sharedPoint Revealed D.
    /// @param proof Complaint proof.
    /// @return gasUsed Execution gas of the decision.
    /// @return upheld The decision.
    function complaintDecision(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point[] memory dealerCommitments,
        Point memory recipientKey,
        Point memory ephemeral,
        uint256 masked,
        Point memory sharedPoint,
        DleqProof memory proof
    ) external view returns (uint256 gasUsed, bool upheld) {
        uint256 start = gasleft();
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
        gasUsed = start - gasleft();
    }

    /// @notice Gas of {Threshold.publicShareKey} (§6.6).
    /// @param commitmentsFlat All commitments, trustee-major.
    /// @param threshold k.
    /// @param trustee l.
    /// @return gasUsed Execution gas.
    function publicShareKey(
        Point[] memory commitmentsFlat,
        uint256 threshold,
        uint256 trustee
    ) external view returns (uint256 gasUsed) {
        uint256 start = gasleft();
        Threshold.publicShareKey(commitmentsFlat, threshold, trustee);
        gasUsed = start - gasleft();
    }

    /// @notice Gas of {Threshold.verifyShare} (§6.3).
    /// @param dealerCommitments Dealer commitments.
    /// @param recipient Recipient index.
    /// @param share The share.
    /// @return gasUsed Execution gas.
    function verifyShare(
        Point[] memory dealerCommitments,
        uint256 recipient,
        uint256 share
    ) external view returns (uint256 gasUsed) {
        uint256 start = gasleft();
        Threshold.verifyShare(dealerCommitments, recipient, share);
        gasUsed = start - gasleft();
    }

    /// @notice Gas of {Threshold.checkDecryptedCount} (§7.2–§7.3).
    /// @param aggregate Aggregate ciphertext.
    /// @param trusteeCount n.
    /// @param threshold k.
    /// @param trustees The set Q.
    /// @param partials Partial decryptions.
    /// @param claimedCount Claimed count.
    /// @param bound Eligible voters.
    /// @return gasUsed Execution gas.
    function decryptedCount(
        Ciphertext memory aggregate,
        uint256 trusteeCount,
        uint256 threshold,
        uint256[] memory trustees,
        Point[] memory partials,
        uint256 claimedCount,
        uint256 bound
    ) external view returns (uint256 gasUsed) {
        uint256 start = gasleft();
        Threshold.checkDecryptedCount(
            aggregate,
            trusteeCount,
            threshold,
            trustees,
            partials,
            claimedCount,
            bound
        );
        gasUsed = start - gasleft();
    }

    /// @notice Gas of {ElGamal.aggregate} (§4.3).
    /// @param cts Ciphertexts.
    /// @return gasUsed Execution gas.
    function aggregation(Ciphertext[] memory cts) external view returns (uint256 gasUsed) {
        uint256 start = gasleft();
        ElGamal.aggregate(cts);
        gasUsed = start - gasleft();
    }
}
