// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {BN254} from "../crypto/BN254.sol";
import {DleqProof, Point, SchnorrProof} from "../crypto/CryptoTypes.sol";
import {SchnorrProofVerifier} from "../crypto/SchnorrProofVerifier.sol";
import {Threshold} from "../crypto/Threshold.sol";
import {EncryptedShare} from "./ElectionTypes.sol";
import {IElectionKeyReceiver} from "./IElection.sol";
import {IKeyCeremony} from "./IKeyCeremony.sol";

/// @title KeyCeremony
/// @notice See {IKeyCeremony}. Deployed once as an implementation; each election uses an
///         EIP-1167 clone initialised by the registry.
contract KeyCeremony is IKeyCeremony, Initializable {
    /// @dev Trustee bitmaps use bit `i` for trustee `i`; at most 255 trustees.
    uint256 private constant MAX_TRUSTEES = 255;

    address private _election;
    bytes32 private _electionId;
    uint64 private _pollingStart;
    uint32 private _threshold;
    bool private _sealed;
    bool private _failed;
    address[] private _trustees;
    mapping(address account => uint256 index) private _indexOf;
    mapping(uint256 index => Point[] commitments) private _commitments;
    mapping(uint256 dealer => mapping(uint256 recipient => EncryptedShare)) private _shares;
    uint256 private _committed;
    uint256 private _dealt;
    uint256 private _confirmed;
    Point private _jointKey;
    mapping(uint256 index => Point key) private _shareKeys;

    /// @notice Locks the implementation; only clones are initialised.
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets the trustees and threshold; called once by the registry right after cloning.
    /// @param election_ The election the sealed key is handed to.
    /// @param id The §3.2 election identifier.
    /// @param pollingStart The election's polling start; sealing must happen before it.
    /// @param trustees Trustee addresses; index `i` is `trustees[i − 1]`.
    /// @param threshold `k`, with `1 ≤ k ≤ n`.
    function initialize(
        address election_,
        bytes32 id,
        uint64 pollingStart,
        address[] calldata trustees,
        uint256 threshold
    ) external initializer {
        uint256 n = trustees.length;
        if (n == 0 || n > MAX_TRUSTEES || threshold == 0 || threshold > n) {
            revert KeyCeremonyParametersInvalid(n, threshold);
        }
        for (uint256 i = 0; i < n; ++i) {
            address account = trustees[i];
            if (account == address(0) || _indexOf[account] != 0) {
                revert KeyCeremonyParametersInvalid(n, threshold);
            }
            _indexOf[account] = i + 1;
            _trustees.push(account);
        }
        _election = election_;
        _electionId = id;
        _pollingStart = pollingStart;
        _threshold = uint32(threshold);
    }

    /// @inheritdoc IKeyCeremony
    function postCommitments(
        Point[] calldata commitments_,
        SchnorrProof[] calldata proofs
    ) external override {
        uint256 i = _callerIndex();
        _requireOpen();
        if (_hasBit(_committed, i)) revert KeyCeremonyAlreadyPosted(i);
        uint256 k = _threshold;
        if (commitments_.length != k || proofs.length != k) {
            revert KeyCeremonyCommitmentCountInvalid(commitments_.length, proofs.length, k);
        }
        Point[] storage stored = _commitments[i];
        for (uint256 j = 0; j < k; ++j) {
            SchnorrProofVerifier.check(_electionId, i, j, commitments_[j], proofs[j]);
            stored.push(commitments_[j]);
        }
        _committed |= 1 << i;
        emit CommitmentsPosted(i, commitments_, proofs);
    }

    /// @inheritdoc IKeyCeremony
    function postShares(EncryptedShare[] calldata shares) external override {
        uint256 i = _callerIndex();
        _requireOpen();
        if (!_hasBit(_committed, i)) revert KeyCeremonyOutOfOrder(i);
        if (_hasBit(_dealt, i)) revert KeyCeremonyAlreadyPosted(i);
        uint256 n = _trustees.length;
        if (shares.length != n - 1) revert KeyCeremonyShareCountInvalid(shares.length, n - 1);
        uint256 seen;
        for (uint256 s = 0; s < shares.length; ++s) {
            EncryptedShare calldata item = shares[s];
            uint256 recipient = item.recipient;
            if (recipient == 0 || recipient > n || recipient == i || _hasBit(seen, recipient)) {
                revert KeyCeremonyShareRecipientInvalid(recipient);
            }
            BN254.validatePoint(item.ephemeral);
            seen |= 1 << recipient;
            _shares[i][recipient] = item;
            emit SharePosted(i, recipient, item.ephemeral, item.masked);
        }
        _dealt |= 1 << i;
    }

    /// @inheritdoc IKeyCeremony
    function confirmShares() external override {
        uint256 recipient = _callerIndex();
        _requireOpen();
        if (_hasBit(_confirmed, recipient)) revert KeyCeremonyAlreadyPosted(recipient);
        if (!_allOthersDealt(recipient)) revert KeyCeremonyOutOfOrder(recipient);
        _confirmed |= 1 << recipient;
        emit SharesConfirmed(recipient);
    }

    /// @inheritdoc IKeyCeremony
    function fileComplaint(
        uint256 dealer,
        Point calldata sharedPoint,
        DleqProof calldata proof
    ) external override returns (bool upheld) {
        uint256 recipient = _callerIndex();
        _requireOpen();
        if (dealer == 0 || dealer > _trustees.length || dealer == recipient) {
            revert KeyCeremonyShareRecipientInvalid(dealer);
        }
        if (!_hasBit(_committed, recipient)) revert KeyCeremonyOutOfOrder(recipient);
        if (!_hasBit(_dealt, dealer)) revert KeyCeremonyOutOfOrder(dealer);
        EncryptedShare storage posted = _shares[dealer][recipient];
        upheld = Threshold.decideComplaint(
            _electionId,
            dealer,
            recipient,
            _commitments[dealer],
            _commitments[recipient][0],
            posted.ephemeral,
            posted.masked,
            sharedPoint,
            proof
        );
        if (upheld) _failed = true;
        emit ComplaintDecided(dealer, recipient, upheld, sharedPoint, proof);
        if (upheld) emit CeremonyFailed(dealer);
    }

    /// @inheritdoc IKeyCeremony
    function seal() external override {
        _requireOpen();
        if (block.timestamp >= _pollingStart) revert KeyCeremonyTooLate(_pollingStart);
        uint256 n = _trustees.length;
        uint256 everyone = _everyone();
        if (_committed != everyone || _dealt != everyone || _confirmed != everyone) {
            revert KeyCeremonyNotReady(
                _popcount(_committed),
                _popcount(_dealt),
                _popcount(_confirmed)
            );
        }
        uint256 k = _threshold;
        Point[] memory flat = new Point[](n * k);
        Point memory key = BN254.identity();
        for (uint256 i = 1; i <= n; ++i) {
            Point[] storage c = _commitments[i];
            for (uint256 j = 0; j < k; ++j) flat[(i - 1) * k + j] = c[j];
            BN254.addAssign(key, c[0]);
        }
        Point[] memory shareKeys = new Point[](n);
        for (uint256 index = 1; index <= n; ++index) {
            shareKeys[index - 1] = Threshold.publicShareKey(flat, k, index);
            _shareKeys[index] = shareKeys[index - 1];
        }
        _jointKey = key;
        _sealed = true;
        emit CeremonySealed(key, shareKeys);
        IElectionKeyReceiver(_election).onKeySealed(key);
    }

    /// @inheritdoc IKeyCeremony
    function election() external view override returns (address) {
        return _election;
    }

    /// @inheritdoc IKeyCeremony
    function electionId() external view override returns (bytes32) {
        return _electionId;
    }

    /// @inheritdoc IKeyCeremony
    function parameters() external view override returns (uint256 trusteeCount, uint256 threshold) {
        return (_trustees.length, _threshold);
    }

    /// @inheritdoc IKeyCeremony
    function trustee(uint256 index) external view override returns (address) {
        if (index == 0 || index > _trustees.length) revert KeyCeremonyUnknownTrustee(index);
        return _trustees[index - 1];
    }

    /// @inheritdoc IKeyCeremony
    function trusteeIndex(address account) external view override returns (uint256) {
        return _indexOf[account];
    }

    /// @inheritdoc IKeyCeremony
    function commitments(uint256 index) external view override returns (Point[] memory) {
        return _commitments[index];
    }

    /// @inheritdoc IKeyCeremony
    function share(
        uint256 dealer,
        uint256 recipient
    ) external view override returns (Point memory ephemeral, uint256 masked) {
        EncryptedShare storage s = _shares[dealer][recipient];
        return (s.ephemeral, s.masked);
    }

    /// @inheritdoc IKeyCeremony
    function isSealed() external view override returns (bool) {
        return _sealed;
    }

    /// @inheritdoc IKeyCeremony
    function hasFailed() external view override returns (bool) {
        return _failed;
    }

    /// @inheritdoc IKeyCeremony
    function jointKey() external view override returns (Point memory) {
        return _jointKey;
    }

    /// @inheritdoc IKeyCeremony
    function shareKey(uint256 index) external view override returns (Point memory) {
        return _shareKeys[index];
    }

    /// @notice The caller's trustee index; reverts `KeyCeremonyNotTrustee` for anyone else.
    /// @return index The caller's 1-based trustee index.
    function _callerIndex() private view returns (uint256 index) {
        index = _indexOf[msg.sender];
        if (index == 0) revert KeyCeremonyNotTrustee(msg.sender);
    }

    /// @notice Reverts unless the ceremony is still open: neither failed nor sealed.
    function _requireOpen() private view {
        if (_failed) revert KeyCeremonyFailed();
        if (_sealed) revert KeyCeremonySealed();
    }

    /// @notice Whether every trustee other than `recipient` has posted its shares (§13.2).
    /// @param recipient The recipient's trustee index `l`.
    /// @return True iff all shares addressed to `recipient` are posted.
    function _allOthersDealt(uint256 recipient) private view returns (bool) {
        return (_dealt | (1 << recipient)) == _everyone();
    }

    /// @notice The bitmap of all trustees.
    /// @dev Bits 1 … n set (n ≤ 255, so no shift may reach 2²⁵⁶).
    /// @return The bitmap with bits `1 … n` set.
    function _everyone() private view returns (uint256) {
        return (type(uint256).max >> (255 - _trustees.length)) & ~uint256(1);
    }

    /// @notice Whether trustee `i` is in the bitmap `set`.
    /// @param set A trustee bitmap (bit `i` for trustee `i`).
    /// @param i The trustee index.
    /// @return True iff bit `i` of `set` is set.
    function _hasBit(uint256 set, uint256 i) private pure returns (bool) {
        return (set >> i) & 1 == 1;
    }

    /// @notice Number of trustees in a bitmap.
    /// @param set A trustee bitmap.
    /// @return count Number of set bits.
    function _popcount(uint256 set) private pure returns (uint256 count) {
        for (; set != 0; set &= set - 1) ++count;
    }
}
