package io.github.cloudify4j.snapshots;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

/** Serves one archive at GET /snapshots/{id}/archive, breaking off the first answers, honouring Range or not. */
final class ArchiveServer extends Dispatcher {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  private final byte[] archive;
  private final boolean honourRange;
  private final boolean chunked;
  private int breaks;
  final List<String> ranges = new CopyOnWriteArrayList<>();

  ArchiveServer(byte[] archive, int breaks, boolean honourRange, boolean chunked) {
    this.archive = archive;
    this.breaks = breaks;
    this.honourRange = honourRange;
    this.chunked = chunked;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    String range = request.getHeader("Range");
    ranges.add(String.valueOf(range));
    int from = 0;
    MockResponse response = new MockResponse().setHeader("Content-Type", "application/octet-stream")
        .setHeader("Content-Disposition", "attachment; filename=\"x.zip\"");
    Matcher m = range == null ? null : RANGE.matcher(range);
    if (honourRange && m != null && m.matches()) {
      from = Integer.parseInt(m.group(1));
      response.setResponseCode(206)
          .setHeader("Content-Range", "bytes " + from + "-" + (archive.length - 1) + "/" + archive.length);
    } else {
      response.setResponseCode(200);
    }
    byte[] slice = java.util.Arrays.copyOfRange(archive, from, archive.length);
    if (chunked) {
      response.setChunkedBody(new Buffer().write(slice), 64 * 1024);
    } else {
      response.setBody(new Buffer().write(slice));
    }
    if (breaks > 0) {
      breaks--;
      response.setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
    }
    return response;
  }

  static List<String> list(String... values) {
    return new ArrayList<>(List.of(values));
  }
}
