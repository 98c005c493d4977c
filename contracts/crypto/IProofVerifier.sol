// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {
    Ciphertext,
    DleqProof,
    Point,
    RangeProof,
    SchnorrProof,
    ZeroOneProof
} from "./CryptoTypes.sol";

/// @title Shafaf proof verifier
/// @notice Stateless checks of every proof and computation of docs/protocol.md (§3–§8), plus
///         the pure transcript functions so that off-chain code can cross-check its
///         Fiat–Shamir transcripts against the on-chain ones.
/// @dev The `verify*`/`check*` functions return nothing on success and revert with the specific
///      custom error on failure: the BN254 errors for malformed points and scalars (§2), a
///      `…LengthMismatch`/`…Invalid` shape error for malformed arrays or parameters, and the
///      proof's `…Invalid()` error when a challenge split or group equation fails.
interface IProofVerifier {
    /// @notice Verifies an option proof (§5.2.3); reverts `ZeroOneProofInvalid()` if it fails.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param optionIndex Option index `i`.
    /// @param key Election key `K`.
    /// @param ciphertext Option ciphertext `(α, β)`.
    /// @param proof The option proof.
    function verifyZeroOneProof(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 optionIndex,
        Point calldata key,
        Ciphertext calldata ciphertext,
        ZeroOneProof calldata proof
    ) external view;

    /// @notice Verifies a selection proof (§5.3.3) over the aggregate of `options`, computed
    ///         on-chain; reverts `ContestBallotSelectionRuleInvalid(...)` on a bad rule and
    ///         `RangeProofInvalid()` if the proof fails.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param minSelections `lo`.
    /// @param maxSelections `hi`.
    /// @param key Election key `K`.
    /// @param options The contest's option ciphertexts.
    /// @param proof The selection proof.
    function verifySelectionProof(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 minSelections,
        uint256 maxSelections,
        Point calldata key,
        Ciphertext[] calldata options,
        RangeProof calldata proof
    ) external view;

    /// @notice Verifies a whole contest ballot (§8.2); reverts
    ///         `ContestBallotOptionProofInvalid(i)` for the first failing option proof, else
    ///         `ContestBallotSelectionProofInvalid()` if the selection proof fails.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param minSelections `minSelections`.
    /// @param maxSelections `maxSelections`.
    /// @param key Election key `K`.
    /// @param options The option ciphertexts.
    /// @param optionProofs The option proofs (`optionProofs[i]` for option `i`).
    /// @param selectionProof The selection proof.
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
    ) external view;

    /// @notice Verifies a Schnorr proof of a coefficient (§5.4.2); reverts
    ///         `SchnorrProofInvalid()` if it fails.
    /// @param id Election identifier (§3.2).
    /// @param trustee Trustee index `i`.
    /// @param coefficientIndex Coefficient index `j`.
    /// @param commitment Coefficient commitment `C_{i,j}`.
    /// @param proof The proof `(h, u)`.
    function verifySchnorrProof(
        bytes32 id,
        uint256 trustee,
        uint256 coefficientIndex,
        Point calldata commitment,
        SchnorrProof calldata proof
    ) external view;

    /// @notice Verifies a decryption proof (§5.5.2); reverts `DecryptionProofIdentityMismatch()`
    ///         on a violated identity rule and `DecryptionProofInvalid()` if it fails.
    /// @param id Election identifier (§3.2).
    /// @param contestIndex Contest index.
    /// @param optionIndex Option index.
    /// @param trustee Trustee index `i`.
    /// @param shareKey Public share key `Kᵢ` (§6.6).
    /// @param aggregate Aggregate ciphertext `(A, B)`.
    /// @param partialDecryption Partial decryption `Mᵢ`.
    /// @param proof The proof `(a, b, v)`.
    function verifyDecryptionProof(
        bytes32 id,
        uint256 contestIndex,
        uint256 optionIndex,
        uint256 trustee,
        Point calldata shareKey,
        Ciphertext calldata aggregate,
        Point calldata partialDecryption,
        DleqProof calldata proof
    ) external view;

    /// @notice Verifies a complaint proof (§5.6.2); reverts `ComplaintProofInvalid()` if it
    ///         fails. (The complaint decision of §6.4 is {decideComplaint}.)
    /// @param id Election identifier (§3.2).
    /// @param dealer Dealer index `i`.
    /// @param recipient Recipient index `l`.
    /// @param recipientKey Recipient key `C_{l,0}`.
    /// @param ephemeral `E` of the encrypted share.
    /// @param sharedPoint Revealed `D`.
    /// @param proof The proof `(a, b, v)`.
    function verifyComplaintProof(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point calldata recipientKey,
        Point calldata ephemeral,
        Point calldata sharedPoint,
        DleqProof calldata proof
    ) external view;

    /// @notice §6.6 public share key `K_l = Σᵢ Σⱼ lʲ·C_{i,j}`.
    /// @param commitmentsFlat All commitments, trustee-major (`n·k` points).
    /// @param threshold `k`.
    /// @param trustee `l`.
    /// @return key `K_l`.
    function publicShareKey(
        Point[] calldata commitmentsFlat,
        uint256 threshold,
        uint256 trustee
    ) external view returns (Point memory key);

    /// @notice §6.3 Feldman check `s < r` and `sG = Σⱼ lʲ·C_{i,j}`.
    /// @param dealerCommitments Dealer `i`'s commitments `C_{i,0} … C_{i,k−1}`.
    /// @param recipient Recipient index `l`.
    /// @param share The share `s`.
    /// @return valid True iff the share is valid.
    function verifyShare(
        Point[] calldata dealerCommitments,
        uint256 recipient,
        uint256 share
    ) external view returns (bool valid);

    /// @notice §6.4 complaint decision; reverts `ComplaintProofInvalid()` if the §5.6 proof
    ///         fails.
    /// @param id Election identifier (§3.2).
    /// @param dealer Dealer index `i`.
    /// @param recipient Recipient (complainant) index `l`.
    /// @param dealerCommitments Dealer `i`'s commitments.
    /// @param recipientKey Recipient key `C_{l,0}`.
    /// @param ephemeral `E` of the encrypted share.
    /// @param masked `σ` of the encrypted share.
    /// @param sharedPoint Revealed `D`.
    /// @param proof The complaint proof.
    /// @return upheld True iff dealer `i` cheated (`s ≥ r` or §6.3 fails).
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
    ) external view returns (bool upheld);

    /// @notice §7.2 Lagrange coefficients for the trustee set `Q`.
    /// @param trustees The set `Q`.
    /// @param trusteeCount `n`.
    /// @param threshold `k`.
    /// @return lambdas `λ_l` for each trustee, in order.
    function lagrangeCoefficients(
        uint256[] calldata trustees,
        uint256 trusteeCount,
        uint256 threshold
    ) external view returns (uint256[] memory lambdas);

    /// @notice §7.3 result check; reverts `ThresholdResultMismatch(claimedCount)` unless
    ///         `tG = B − Σ λ_l·M_l` and `0 ≤ t ≤ bound`.
    /// @param aggregate Aggregate ciphertext `(A, B)`.
    /// @param trusteeCount `n`.
    /// @param threshold `k`.
    /// @param trustees The set `Q`.
    /// @param partials `M_l` for each trustee, in order (already proven by §5.5).
    /// @param claimedCount The claimed count `t`.
    /// @param bound The number of eligible voters.
    function checkDecryptedCount(
        Ciphertext calldata aggregate,
        uint256 trusteeCount,
        uint256 threshold,
        uint256[] calldata trustees,
        Point[] calldata partials,
        uint256 claimedCount,
        uint256 bound
    ) external view;

    /// @notice §4.3 aggregate `(Σαᵢ, Σβᵢ)` of validated ciphertexts.
    /// @param ciphertexts The ciphertexts (each validated by §2.3).
    /// @return total The aggregate (`(O, O)` for none).
    function aggregateCiphertexts(
        Ciphertext[] calldata ciphertexts
    ) external view returns (Ciphertext memory total);

    /// @notice §3.2 `electionId = keccak256(TAG_ELECTION_ID ‖ chainId ‖ electionContract)`.
    /// @param chainId The chain id.
    /// @param election The election contract.
    /// @return id The election identifier.
    function electionId(uint256 chainId, address election) external pure returns (bytes32 id);

    /// @notice The §9 domain tags, in the order of the table.
    /// @return tags `TAG_ELECTION_ID, TAG_ZERO_ONE, TAG_SELECTION, TAG_SCHNORR, TAG_DECRYPTION,
    ///         TAG_COMPLAINT, TAG_SHARE_PAD`.
    function domainTags() external pure returns (bytes32[7] memory tags);

    /// @notice §5.2.1 option-proof challenge `c`.
    /// @param id Election identifier.
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param optionIndex Option index.
    /// @param key Election key `K`.
    /// @param ciphertext Option ciphertext.
    /// @param proof The option proof (its commitments enter the hash).
    /// @return c The challenge.
    function zeroOneChallenge(
        bytes32 id,
        uint256 contestIndex,
        address voter,
        uint256 optionIndex,
        Point calldata key,
        Ciphertext calldata ciphertext,
        ZeroOneProof calldata proof
    ) external pure returns (uint256 c);

    /// @notice §5.3.1 selection-proof challenge `c`.
    /// @param id Election identifier.
    /// @param contestIndex Contest index.
    /// @param voter Voter credential address.
    /// @param minSelections `lo`.
    /// @param maxSelections `hi`.
    /// @param key Election key `K`.
    /// @param aggregate Aggregate `(A, B)`.
    /// @param a Commitments `aⱼ`.
    /// @param b Commitments `bⱼ`.
    /// @return c The challenge.
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
    ) external pure returns (uint256 c);

    /// @notice §5.4.1 Schnorr challenge `c`.
    /// @param id Election identifier.
    /// @param trustee Trustee index `i`.
    /// @param coefficientIndex Coefficient index `j`.
    /// @param commitment `C_{i,j}`.
    /// @param h Proof commitment `h`.
    /// @return c The challenge.
    function schnorrChallenge(
        bytes32 id,
        uint256 trustee,
        uint256 coefficientIndex,
        Point calldata commitment,
        Point calldata h
    ) external pure returns (uint256 c);

    /// @notice §5.5.1 decryption-proof challenge `c`.
    /// @param id Election identifier.
    /// @param contestIndex Contest index.
    /// @param optionIndex Option index.
    /// @param trustee Trustee index `i`.
    /// @param shareKey `Kᵢ`.
    /// @param aggregate `(A, B)`.
    /// @param partialDecryption `Mᵢ`.
    /// @param a Proof commitment `a`.
    /// @param b Proof commitment `b`.
    /// @return c The challenge.
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
    ) external pure returns (uint256 c);

    /// @notice §5.6.1 complaint-proof challenge `c`.
    /// @param id Election identifier.
    /// @param dealer Dealer index `i`.
    /// @param recipient Recipient index `l`.
    /// @param recipientKey `C_{l,0}`.
    /// @param ephemeral `E`.
    /// @param sharedPoint `D`.
    /// @param a Proof commitment `a`.
    /// @param b Proof commitment `b`.
    /// @return c The challenge.
    function complaintChallenge(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point calldata recipientKey,
        Point calldata ephemeral,
        Point calldata sharedPoint,
        Point calldata a,
        Point calldata b
    ) external pure returns (uint256 c);

    /// @notice §6.2 share-encryption pad.
    /// @param id Election identifier.
    /// @param dealer Dealer index `i`.
    /// @param recipient Recipient index `l`.
    /// @param ephemeral `E`.
    /// @param sharedPoint `D`.
    /// @return pad The pad.
    function sharePad(
        bytes32 id,
        uint256 dealer,
        uint256 recipient,
        Point calldata ephemeral,
        Point calldata sharedPoint
    ) external pure returns (bytes32 pad);
}
