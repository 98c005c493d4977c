// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BN254} from "./BN254.sol";
import {DleqProof, Point} from "./CryptoTypes.sol";
import {Transcript} from "./Transcript.sol";

/// @title Complaint proof verifier (Chaum–Pedersen)
/// @notice docs/protocol.md §5.6: recipient `l` reveals `D = a_{l,0}E` of the share dealer `i`
///         sent it (§6.2), proving it used its key `C_{l,0}`. Challenge (§5.6.1)
///         `c = H(TAG_COMPLAINT ‖ electionId ‖ i ‖ l ‖ C_{l,0} ‖ E ‖ D ‖ a ‖ b)`;
///         checks (§5.6.2): §2 on every field, then `vG = a + c·C_{l,0}` and `vE = b + cD`.
///         Cost: 4 ecMul + 2 ecAdd.
library ComplaintProofVerifier {
    /// @notice An equation of §5.6.2 failed.
    error ComplaintProofInvalid();

    /// @notice §5.6.2 verification (reverts with the BN254 errors on malformed input).
    /// @param id Election identifier (§3.2).
    /// @param dealer Dealer index `i`.
    /// @param recipient Recipient index `l`.
    /// @param recipientKey Recipient key `C_{l,0}`.
    /// @param ephemeral `E = ξG` from the encrypted share.
    /// @param sharedPoint Revealed `D = a_{l,0}E`.
    /// @param proof The proof `(a, b, v)`.
    /// @return valid True iff both equations hold.
    function verify(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point memory recipientKey,
        Point memory ephemeral,
        Point memory sharedPoint,
        DleqProof memory proof
    ) internal view returns (bool valid) {
        BN254.validatePoint(recipientKey);
        BN254.validatePoint(ephemeral);
        BN254.validatePoint(sharedPoint);
        BN254.validatePoint(proof.a);
        BN254.validatePoint(proof.b);
        BN254.validateScalar(proof.v);
        uint256 c = Transcript.complaintChallenge(
            id,
            dealer,
            recipient,
            recipientKey,
            ephemeral,
            sharedPoint,
            proof.a,
            proof.b
        );
        valid =
            BN254.mulAddEqG(proof.v, proof.a, c, recipientKey) &&
            BN254.mulAddEq(ephemeral, proof.v, proof.b, c, sharedPoint);
    }

    /// @notice Reverting form of {verify}: `ComplaintProofInvalid()` if an equation fails.
    /// @param id Election identifier (§3.2).
    /// @param dealer Dealer index `i`.
    /// @param recipient Recipient index `l`.
    /// @param recipientKey Recipient key `C_{l,0}`.
    /// @param ephemeral `E = ξG`.
    /// @param sharedPoint Revealed `D = a_{l,0}E`.
    /// @param proof The proof `(a, b, v)`.
    function check(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point memory recipientKey,
        Point memory ephemeral,
        Point memory sharedPoint,
        DleqProof memory proof
    ) internal view {
        if (!verify(id, dealer, recipient, recipientKey, ephemeral, sharedPoint, proof)) {
            revert ComplaintProofInvalid();
        }
    }
}
