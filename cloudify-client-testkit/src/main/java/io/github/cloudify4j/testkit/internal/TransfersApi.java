package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import io.github.cloudify4j.testkit.RequestJournal;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Archive transfers: {@code GET /snapshots/{id}/archive} (streamed from disk, {@code Range}, HEAD) and
 * {@code PUT /snapshots/{id}/archive} (streamed to disk, or fetched from {@code snapshot_archive_url}).
 */
final class TransfersApi extends Endpoint {
  TransfersApi(Server server) {
    super(server);
  }

  @Override
  void serve(Ctx c, int n) throws IOException {
    if (c.method.equals("GET")) {
      download(c, c.seg.get(1));
    } else {
      upload(c, c.seg.get(1));
    }
  }

  void download(Ctx c, String id) throws IOException {
    Path file;
    synchronized (st) {
      ObjectNode s = snapshot(id);
      if ("failed".equals(s.path("status").asText())) {
        throw new ApiException(400, "snapshot_action_error", "Failed snapshot cannot be downloaded");
      }
      file = st.archivePath(id);
    }
    drain(c);
    String fname = FileUtil.safeName(id) + ".zip";
    String disposition = st.profile() == ServerProfile.V7_0_4
        ? "attachment; filename=\"" + fname + "\"" : "attachment; filename=" + fname;
    if (!Files.isRegularFile(file)) {
      // the service has already answered with X-Accel-Redirect and its headers; nginx finds no file and answers
      // its own HTML 404, keeping Content-Disposition (corpus seq 100): check the status, never the headers
      c.ex.getResponseHeaders().set("Content-Disposition", disposition);
      c.ex.getResponseHeaders().set("Cache-Control", "no-cache");
      sendHtml(c, 404, "404 Not Found");
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long start = 0;
      long end = size - 1;
      int status = 200;
      Headers h = c.ex.getResponseHeaders();
      String range = header(c, "Range");
      if (range != null && range.startsWith("bytes=") && !range.contains(",")) {
        String[] p = range.substring(6).split("-", -1);
        try {
          if (p[0].isEmpty()) {
            start = Math.max(0, size - Long.parseLong(p[1]));
          } else {
            start = Long.parseLong(p[0]);
            if (!p[1].isEmpty()) {
              end = Math.min(end, Long.parseLong(p[1]));
            }
          }
          if (start >= size || start > end) {
            h.set("Content-Range", "bytes */" + size);
            sendHtml(c, 416, "416 Requested Range Not Satisfiable");
            return;
          }
          status = 206;
          h.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        } catch (NumberFormatException ignored) {
          start = 0;
          end = size - 1;
        }
      }
      long length = end - start + 1;
      h.set("Server", "nginx");
      h.set("Content-Type", "application/octet-stream");
      h.set("Content-Disposition", disposition);
      h.set("Cache-Control", "no-cache");
      h.set("Content-Description", "File Transfer");
      h.set("Accept-Ranges", "bytes");
      RequestJournal.status(c.rec, status);
      if (c.head) {
        c.ex.sendResponseHeaders(status, -1); // headers only (corpus seq 225)
        return;
      }
      c.ex.sendResponseHeaders(status, length == 0 ? -1 : length);
      long limit = c.fault != null && c.fault.type == FaultRule.Type.DROP_RESPONSE_AFTER
          ? Math.min(c.fault.bytes, length) : length;
      OutputStream out = c.ex.getResponseBody();
      ByteBuffer buf = ByteBuffer.allocate(BUF);
      long pos = start;
      long sent = 0;
      while (sent < limit) {
        buf.clear();
        buf.limit((int) Math.min(BUF, limit - sent));
        int r = ch.read(buf, pos);
        if (r <= 0) {
          break;
        }
        out.write(buf.array(), 0, r);
        pos += r;
        sent += r;
      }
      out.flush();
      if (limit < length) {
        RequestJournal.status(c.rec, -1);
        throw new Abort();
      }
    }
  }

  void upload(Ctx c, String id) throws IOException {
    String url = c.q("snapshot_archive_url");
    Path tmp = Files.createTempFile(st.storageDir().resolve("tmp"), "upload-", ".zip");
    try {
      if (url != null) {
        String cl = header(c, "Content-Length");
        if ((cl != null && !cl.equals("0")) || header(c, "Transfer-Encoding") != null) {
          drain(c);
          throw ApiException.badParams("Can pass snapshot as only one of: URL via query parameters, "
              + "request body, multi-form or chunked.");
        }
        if (!url.matches("^(https?|ftp)://.+")) {
          throw ApiException.badParams("Invalid URL " + url); // file:// (corpus seq 88)
        }
        fetch(url, tmp);
      } else {
        String ct = lastHeader(c, "Content-Type");
        if (ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
          // werkzeug parses the bytes as a form, the service finds no stream and no file (corpus seq 91)
          drain(c);
          throw ApiException.internal("FileNotFoundError", "[Errno 2] No such file or directory: "
              + "'/opt/manager/resources/snapshots/.uploading/" + id + "'");
        }
        long limit = c.fault != null && c.fault.type == FaultRule.Type.DROP_REQUEST_AFTER
            ? c.fault.bytes : Long.MAX_VALUE;
        long total = 0;
        InputStream in = c.ex.getRequestBody();
        c.body = new byte[0];
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          byte[] buf = new byte[BUF];
          ByteBuffer bb = ByteBuffer.wrap(buf);
          while (true) {
            int want = (int) Math.min(BUF, limit - total);
            if (want <= 0) {
              break;
            }
            int r = in.read(buf, 0, want);
            if (r < 0) {
              break;
            }
            bb.clear();
            bb.limit(r);
            while (bb.hasRemaining()) {
              out.write(bb);
            }
            total += r;
          }
        }
        RequestJournal.body(c.rec, total, null);
        if (total >= limit) {
          throw new Abort();
        }
        if (total == 0) {
          // no body and no URL: nothing was written, and the service fails on the missing file (seq 90)
          throw ApiException.internal("FileNotFoundError", "[Errno 2] No such file or directory: "
              + "'/opt/manager/resources/snapshots/.uploading/" + id + "'");
        }
      }
      synchronized (st) {
        ObjectNode existing = st.kind("snapshots").get(id);
        Path dest = st.archivePath(id);
        if (existing != null) {
          if (st.profile().uploadOverwritesExisting()) {
            Files.createDirectories(dest.getParent());
            Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
            ObjectNode empty = Json.obj();
            for (String f : SnapshotsApi.SNAPSHOT_FIELDS) {
              empty.putNull(f);
            }
            sendJson(c, 201, empty);
            return;
          }
          throw SnapshotsApi.conflict(id, existing.path("tenant_name").asText());
        }
        Files.createDirectories(dest.getParent());
        Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
        ObjectNode s = st.newSnapshot(id, "uploaded", c.tenant, c.user, "");
        sendJson(c, 201, s);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Any failure to fetch is the caller's: 400 "Cannot fetch URL: why" (corpus seq 86, 87). */
  static void fetch(String url, Path dest) {
    try {
      HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection();
      conn.setConnectTimeout(5000);
      conn.setReadTimeout(30000);
      int code = conn.getResponseCode();
      if (code >= 400) {
        throw ApiException.badParams("Cannot fetch " + url + ": " + code + " Client Error: for url: " + url);
      }
      try (InputStream in = conn.getInputStream()) {
        Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException) {
        throw (ApiException) e;
      }
      throw ApiException.badParams("Cannot fetch " + url + ": " + (e instanceof IllegalArgumentException
          || e instanceof java.net.MalformedURLException ? "Failed to parse: " + url : e.toString()));
    }
  }
}
