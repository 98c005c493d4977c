// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {DleqProof, Point} from "../crypto/CryptoTypes.sol";
import {ContestResult} from "./ElectionTypes.sol";

/// @title The tally of one election (docs/protocol.md §14)
/// @notice After polling closes, trustees post partial decryptions of each contest's encrypted
///         totals with proofs, checked here against their share keys and the election's own
///         totals; anyone then finalises a contest with counts that the contract checks against
///         any `k` posted trustees (§7.2–§7.3). Results stay per contest; the commission can
///         record a court-ordered exclusion, and nothing is ever deleted.
interface IElectionTally {
    /// @notice Trustee posted verified partial decryptions of a contest's totals (§14.1).
    /// @param contestId The contest.
    /// @param trustee The trustee's index `l` (1-based).
    /// @param partials `M_l = s_l·A` for every option's total, in option order (§7.1).
    /// @param proofs The decryption proofs of §5.5, one per option.
    event DecryptionSharesPosted(
        uint256 indexed contestId,
        uint256 indexed trustee,
        Point[] partials,
        DleqProof[] proofs
    );
    /// @notice A contest's result was verified and recorded (§14.2).
    /// @param contestId The contest.
    /// @param counts The decrypted count of every option, in option order.
    /// @param trustees The decryption set `Q` of trustee indices (§7.2).
    event ContestFinalized(uint256 indexed contestId, uint256[] counts, uint256[] trustees);
    /// @notice A court-ordered exclusion of a contest's i-votes was recorded (§14.3).
    /// @param contestId The excluded contest.
    /// @param orderHash keccak256 of the court order.
    event ContestExcluded(uint256 indexed contestId, bytes32 orderHash);

    /// @notice Polling has not ended yet.
    /// @param end `pollingEnd`, UTC seconds (§10.2).
    error ElectionTallyPollingNotEnded(uint256 end);
    /// @notice The caller is not a trustee of this election.
    /// @param caller The rejected caller.
    error ElectionTallyNotTrustee(address caller);
    /// @notice No such contest.
    /// @param contestId The unknown contest id.
    error ElectionTallyUnknownContest(uint256 contestId);
    /// @notice Expected one value per option of the contest.
    /// @param contestId The contest.
    /// @param expected The contest's option count.
    /// @param actual The length given.
    error ElectionTallyLengthMismatch(uint256 contestId, uint256 expected, uint256 actual);
    /// @notice This trustee already posted for this contest.
    /// @param contestId The contest.
    /// @param trustee The trustee's index.
    error ElectionTallySharesAlreadyPosted(uint256 contestId, uint256 trustee);
    /// @notice The trustee has not posted for this contest.
    /// @param contestId The contest.
    /// @param trustee The trustee's index.
    error ElectionTallySharesMissing(uint256 contestId, uint256 trustee);
    /// @notice The contest is already finalised.
    /// @param contestId The contest.
    error ElectionTallyAlreadyFinalized(uint256 contestId);
    /// @notice The contest is not finalised.
    /// @param contestId The contest.
    error ElectionTallyNotFinalized(uint256 contestId);
    /// @notice The contest is already excluded.
    /// @param contestId The contest.
    error ElectionTallyAlreadyExcluded(uint256 contestId);
    /// @notice Only the commission may record an exclusion.
    /// @param caller The rejected caller.
    error ElectionTallyUnauthorized(address caller);

    /// @notice Posts the caller's (a trustee's) partial decryptions of every option total of
    ///         `contestId` with proofs (§14.1).
    /// @param contestId The contest.
    /// @param partials `M_l = s_l·A` for every option's total `(A, B)`, in option order (§7.1).
    /// @param proofs The decryption proofs of §5.5, one per option, checked against `K_l`.
    function postDecryptionShares(
        uint256 contestId,
        Point[] calldata partials,
        DleqProof[] calldata proofs
    ) external;

    /// @notice Verifies claimed counts against the posted decryptions of trustees `trustees`
    ///         (at least `k`) and records the result (§14.2). Anyone may call.
    /// @param contestId The contest.
    /// @param counts The claimed count of every option, in option order (§7.3).
    /// @param trustees The decryption set `Q`: distinct indices of trustees that posted.
    function finalizeContest(
        uint256 contestId,
        uint256[] calldata counts,
        uint256[] calldata trustees
    ) external;

    /// @notice Records a court-ordered exclusion of a finalised contest (§14.3); commission only.
    /// @param contestId The finalised contest.
    /// @param orderHash keccak256 of the court order.
    function excludeContest(uint256 contestId, bytes32 orderHash) external;

    /// @notice The election this tally belongs to.
    /// @return The {IElection} address.
    function election() external view returns (address);

    /// @notice Trustee `trustee`'s posted partial decryptions for `contestId` (empty if none).
    /// @param contestId The contest.
    /// @param trustee The trustee's index `l` (1-based).
    /// @return `M_l` for every option, in option order (§14.1).
    function decryptionShares(
        uint256 contestId,
        uint256 trustee
    ) external view returns (Point[] memory);

    /// @notice The recorded result of `contestId`.
    /// @param contestId The contest.
    /// @return The result; all zero until finalised (§14.2, §14.3).
    function result(uint256 contestId) external view returns (ContestResult memory);
}
