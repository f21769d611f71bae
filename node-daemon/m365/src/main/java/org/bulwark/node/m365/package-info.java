/**
 * The node's Microsoft 365 cloud agent: connects to a tenant through the Microsoft Graph SDK
 * ({@code tenant}), discovers its users, groups, sites and teams ({@code discovery}), backs up
 * mailboxes, drives and channel messages into a Bulwark repository with SQLite metadata beside
 * the data ({@code backup}, {@code metadata}), and browses, exports and restores ({@code restore}).
 */
package org.bulwark.node.m365;
