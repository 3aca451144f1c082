/**
 * The HTTP API: runs, results by node id, store management and system information over JSON,
 * described by the OpenAPI document served at {@code /api/v1/openapi.json}. Safe by default:
 * loopback binding, validated node ids, bounded bodies and pages, optional bearer token, JSON
 * errors with stable codes and never a stack trace.
 */
package org.voxbeam.launcher.http;
