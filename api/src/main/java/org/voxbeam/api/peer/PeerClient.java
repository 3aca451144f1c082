package org.voxbeam.api.peer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonSyntaxException;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.kernel.value.Blob;

/**
 * Asks peers, in the order given, for the row of a node and the blobs it names, over the JDK's HTTP
 * client. A peer that fails once (no connection, no answer within the timeout, a status other than
 * 200 or 404, a row that does not check out, a blob that does not hash to its name) is skipped for
 * the rest of the run: a run never waits on it twice nor uses anything it sent.
 */
final class PeerClient {
  private static final Logger LOG = LoggerFactory.getLogger(PeerClient.class);

  /** A blob download gets one more timeout per this many bytes. */
  private static final long BYTES_PER_TIMEOUT = 8L << 20;

  /** The longest row this client reads: a row names its blobs, it does not hold them. */
  private static final int MAX_ROW_BYTES = 64 << 20;

  private static final String PREFIX = "/api/v1";

  private final HttpClient client;
  private final List<Peer> peers;
  private final Optional<String> token;
  private final Duration timeout;
  private final AtomicLong bytes = new AtomicLong();

  /** A peer and whether this run has given up on it. */
  private static final class Peer {
    final String base;
    volatile boolean skipped;

    Peer(String base) {
      this.base = base;
    }
  }

  PeerClient(PeerSettings settings) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    List<Peer> list = new ArrayList<>();
    for (URI url : settings.peers()) {
      list.add(new Peer(base(url)));
    }
    this.peers = List.copyOf(list);
    this.token = settings.token();
    this.timeout = settings.timeout();
  }

  /** The peer's base URL without a trailing slash or API prefix: what log lines name. */
  private static String base(URI url) {
    String text = url.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return text.endsWith(PREFIX) ? text.substring(0, text.length() - PREFIX.length()) : text;
  }

  /** Whether some peer is still asked. */
  boolean anyLeft() {
    return peers.stream().anyMatch(peer -> !peer.skipped);
  }

  /** Bytes received from peers so far, rows and blobs. */
  long bytesReceived() {
    return bytes.get();
  }

  /**
   * The first row of {@code id} a peer holds, checked, with its blobs downloaded into {@code
   * scratch} and checked; empty if no peer that is still asked holds it.
   */
  Optional<StoredRowJson.Decoded> fetch(NodeId id, Path scratch) {
    for (Peer peer : peers) {
      if (peer.skipped) {
        continue;
      }
      try {
        Optional<StoredRowJson.Decoded> row = fetch(peer, id, scratch);
        if (row.isPresent()) {
          return row;
        }
      } catch (PeerAnswerException e) {
        skip(peer, id, e.getMessage());
      } catch (IOException e) {
        skip(peer, id, "cannot be read: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private void skip(Peer peer, NodeId id, String why) {
    peer.skipped = true;
    LOG.warn(
        "peer {} is skipped for the rest of this run: its answer for node {} {}",
        peer.base,
        id.shortForm(),
        why);
  }

  private Optional<StoredRowJson.Decoded> fetch(Peer peer, NodeId id, Path scratch)
      throws PeerAnswerException, IOException, InterruptedException {
    String rowUrl = peer.base + PREFIX + "/results/" + id.hex() + "/row";
    HttpResponse<byte[]> response =
        await(client.sendAsync(request(rowUrl), PeerClient::boundedRow), timeout);
    if (response.body() == null) {
      throw new PeerAnswerException("was a row of more than " + MAX_ROW_BYTES + " bytes");
    }
    bytes.addAndGet(response.body().length);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new PeerAnswerException("was HTTP status " + response.statusCode());
    }
    if (response.body().length > MAX_ROW_BYTES) {
      throw new PeerAnswerException("was a row of more than " + MAX_ROW_BYTES + " bytes");
    }
    JsonValue json = parse(response.body());
    Map<String, StoredRowJson.BlobName> named = new HashMap<>();
    StoredRowJson.decode(
        json,
        id,
        name -> {
          named.put(name.sha256(), name);
          return new PendingBlob(name.size());
        });
    Map<String, Blob> downloaded = new HashMap<>();
    for (StoredRowJson.BlobName name : named.values()) {
      downloaded.put(name.sha256(), download(rowUrl, name, scratch));
    }
    return Optional.of(StoredRowJson.decode(json, id, name -> downloaded.get(name.sha256())));
  }

  /**
   * A row's bytes, or null (the body discarded unread) when its declared length is over the limit,
   * so that a peer cannot make this process buffer an arbitrarily large answer.
   */
  private static HttpResponse.BodySubscriber<byte[]> boundedRow(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(0);
    return declared > MAX_ROW_BYTES
        ? HttpResponse.BodySubscribers.replacing(null)
        : HttpResponse.BodySubscribers.ofByteArray();
  }

  private static JsonValue parse(byte[] body) throws PeerAnswerException {
    try {
      return JsonReader.parse(new String(body, StandardCharsets.UTF_8));
    } catch (JsonSyntaxException e) {
      throw new PeerAnswerException("is not JSON: " + e.getMessage());
    }
  }

  /** Downloads a blob into {@code scratch} and checks its size and SHA-256 before using it. */
  private Blob download(String rowUrl, StoredRowJson.BlobName name, Path scratch)
      throws PeerAnswerException, IOException, InterruptedException {
    Path file = scratch.resolve(name.sha256());
    Duration allowed = timeout.multipliedBy(1 + name.size() / BYTES_PER_TIMEOUT);
    HttpResponse<Path> response =
        await(
            client.sendAsync(
                request(rowUrl + StoredRowJson.blobPath(name.sha256())),
                HttpResponse.BodyHandlers.ofFile(file)),
            allowed);
    long size = Files.size(file);
    bytes.addAndGet(size);
    if (response.statusCode() != 200) {
      throw new PeerAnswerException(
          "was HTTP status " + response.statusCode() + " for blob " + name.sha256());
    }
    Sha256.Measured measured = Sha256.ofFile(file);
    if (measured.size() != name.size() || !measured.hex().equals(name.sha256())) {
      throw new PeerAnswerException(
          "had a blob named "
              + name.sha256()
              + " ("
              + name.size()
              + " bytes) whose "
              + measured.size()
              + " bytes hash to "
              + measured.hex());
    }
    return new FetchedBlob(file, size);
  }

  private HttpRequest request(String url) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
    token.ifPresent(bearer -> builder.header("Authorization", "Bearer " + bearer));
    return builder.build();
  }

  /** The response, if it is complete within {@code allowed}: headers and the whole body. */
  private static <T> HttpResponse<T> await(
      CompletableFuture<HttpResponse<T>> pending, Duration allowed)
      throws PeerAnswerException, IOException, InterruptedException {
    try {
      return pending.get(allowed.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new PeerAnswerException("did not come within " + allowed.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new PeerAnswerException("failed: " + cause, cause);
    }
  }

  /** A blob a row names, before it is downloaded: only its size is known. */
  private record PendingBlob(long size) implements Blob {
    @Override
    public InputStream open() throws IOException {
      throw new IOException("not downloaded yet");
    }
  }
}
