// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ElectionConfig} from "./ElectionTypes.sol";

/// @title The commission's registry of elections
/// @notice The commission creates every election here: the registry deploys the election, its
///         key ceremony and its tally (EIP-1167 clones of audited implementations), wires them
///         together and lists them, so observers know which elections are official.
interface IElectionRegistry {
    /// @notice The three contracts of one election.
    struct Deployment {
        address election;
        address ceremony;
        address tally;
    }

    /// @notice Election number `index` was created with its ceremony and tally.
    event ElectionCreated(
        uint256 indexed index,
        address indexed election,
        bytes32 indexed electionId,
        address ceremony,
        address tally,
        bytes32 manifestHash
    );

    /// @notice An implementation address is not a contract.
    error ElectionRegistryImplementationInvalid(address implementation);
    /// @notice No election with this index.
    error ElectionRegistryUnknownElection(uint256 index);

    /// @notice Creates an election; commission role only.
    /// @param config The election's parameters (§10).
    /// @param trustees The trustees' addresses, index `i` = `trustees[i − 1]`.
    /// @param threshold Number of trustees needed to decrypt.
    /// @param registrar The registrar of the roll.
    /// @param gateways The gateways allowed to relay ballots.
    /// @return deployment The election, its key ceremony and its tally.
    function createElection(
        ElectionConfig calldata config,
        address[] calldata trustees,
        uint256 threshold,
        address registrar,
        address[] calldata gateways
    ) external returns (Deployment memory deployment);

    /// @notice Number of elections created.
    function electionCount() external view returns (uint256);

    /// @notice Election number `index`'s contracts.
    function election(uint256 index) external view returns (Deployment memory);
}
