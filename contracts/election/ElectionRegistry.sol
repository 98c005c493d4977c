// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Election} from "./Election.sol";
import {ElectionTally} from "./ElectionTally.sol";
import {ElectionConfig} from "./ElectionTypes.sol";
import {IElectionRegistry} from "./IElectionRegistry.sol";
import {KeyCeremony} from "./KeyCeremony.sol";

/// @title ElectionRegistry
/// @notice See {IElectionRegistry}. `DEFAULT_ADMIN_ROLE` manages who holds `COMMISSION_ROLE`;
///         `COMMISSION_ROLE` creates elections and becomes each election's commission.
contract ElectionRegistry is IElectionRegistry, AccessControl {
    /// @notice Role that creates elections and becomes each created election's commission.
    bytes32 public constant COMMISSION_ROLE = keccak256("COMMISSION_ROLE");

    /// @notice The audited {Election} implementation every election clones.
    address public immutable electionImplementation;
    /// @notice The audited {KeyCeremony} implementation every key ceremony clones.
    address public immutable ceremonyImplementation;
    /// @notice The audited {ElectionTally} implementation every tally clones.
    address public immutable tallyImplementation;

    Deployment[] private _elections;

    /// @notice Fixes the three implementations and grants the admin both roles.
    /// @param admin Holder of `DEFAULT_ADMIN_ROLE` and the first `COMMISSION_ROLE`.
    /// @param electionImpl The audited {Election} implementation.
    /// @param ceremonyImpl The audited {KeyCeremony} implementation.
    /// @param tallyImpl The audited {ElectionTally} implementation.
    constructor(address admin, address electionImpl, address ceremonyImpl, address tallyImpl) {
        if (electionImpl.code.length == 0)
            revert ElectionRegistryImplementationInvalid(electionImpl);
        if (ceremonyImpl.code.length == 0)
            revert ElectionRegistryImplementationInvalid(ceremonyImpl);
        if (tallyImpl.code.length == 0) revert ElectionRegistryImplementationInvalid(tallyImpl);
        electionImplementation = electionImpl;
        tallyImplementation = tallyImpl;
        ceremonyImplementation = ceremonyImpl;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(COMMISSION_ROLE, admin);
    }

    /// @inheritdoc IElectionRegistry
    function createElection(
        ElectionConfig calldata config,
        address[] calldata trustees,
        uint256 threshold,
        address registrar,
        address[] calldata gateways
    ) external override onlyRole(COMMISSION_ROLE) returns (Deployment memory deployment) {
        deployment = Deployment(
            Clones.clone(electionImplementation),
            Clones.clone(ceremonyImplementation),
            Clones.clone(tallyImplementation)
        );
        _elections.push(deployment);
        Election(deployment.election).initialize(
            config,
            deployment.ceremony,
            msg.sender,
            registrar,
            gateways
        );
        bytes32 id = Election(deployment.election).electionId();
        KeyCeremony(deployment.ceremony).initialize(
            deployment.election,
            id,
            config.pollingStart,
            trustees,
            threshold
        );
        ElectionTally(deployment.tally).initialize(
            deployment.election,
            deployment.ceremony,
            msg.sender
        );
        emit ElectionCreated(
            _elections.length - 1,
            deployment.election,
            id,
            deployment.ceremony,
            deployment.tally,
            config.manifestHash
        );
    }

    /// @inheritdoc IElectionRegistry
    function electionCount() external view override returns (uint256) {
        return _elections.length;
    }

    /// @inheritdoc IElectionRegistry
    function election(uint256 index) external view override returns (Deployment memory) {
        if (index >= _elections.length) revert ElectionRegistryUnknownElection(index);
        return _elections[index];
    }
}
