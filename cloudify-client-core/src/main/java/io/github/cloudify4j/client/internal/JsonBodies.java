package io.github.cloudify4j.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Serializes {@code @Body} values as JSON sent with the header {@code Content-Type: application/json}, byte for
 * byte. A real manager compares the raw header with that exact string and answers 415
 * {@code unsupported_content_type_error} to anything else, a {@code ; charset=UTF-8} parameter included (Retrofit's
 * Jackson converter adds one). The body is UTF-8, JSON's only encoding (RFC 8259), so the parameter says nothing.
 */
final class JsonBodies extends Converter.Factory {
  /** The exact media type a manager accepts for a JSON body. */
  static final MediaType APPLICATION_JSON = MediaType.get("application/json");

  private final ObjectMapper mapper;

  JsonBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations, Retrofit retrofit) {
    if (type == RequestBody.class) {
      return null; // archives and empty bodies carry their own type
    }
    ObjectWriter writer = mapper.writerFor(mapper.constructType(type));
    // byte[] bodies: OkHttp adds no charset parameter to them (it does to String bodies)
    return value -> RequestBody.create(writer.writeValueAsBytes(value), APPLICATION_JSON);
  }
}
