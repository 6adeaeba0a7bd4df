package io.github.cloudify4j.client.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The table of secret forms a server can send back in an error text, a traceback, an execution's {@code error} or
 * an echoed request: each with the secret that must never come out and a fragment that must stay readable (the
 * key, the scheme), so the masking keeps text useful. The snapshots module's tests use this same table, through
 * the core module's test-jar ({@code io.github.cloudify4j.client.testing} only).
 */
public final class SecretForms {
  private SecretForms() {}

  /** One form: {@code text} holds {@code secret}; after masking it must still hold {@code kept}. */
  public record Form(String name, String text, String secret, String kept) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Text that names secrets without giving one: masking must leave it exactly as it is. */
  public static List<String> harmless() {
    return List.of(
        "The password policy requires 12 characters",
        "password authentication failed for user \"cloudify\"",
        "User unauthorized: no valid token or credentials were given",
        "Invalid token",
        "Basic authentication is required",
        "https://manager.example.com:443/api/v3.1/tokens",
        "https://token.example.com:8443/api/v3.1/status",
        "{\"include_credentials\": true, \"include_logs\": false, \"secret_count\": null}",
        "{'include_credentials': True, 'exclude_secrets': False}",
        "KeyError: 'force'",
        "snapshot id: daily-20261125, tenant: default_tenant",
        "contact admin@example.com or ssh cfyuser@manager-1",
        "password=****",
        "{\"postgresql_password\": \"****\"}",
        "the secret was restored; 4 secrets in total");
  }

  public static List<Form> all() {
    List<Form> f = new ArrayList<>();
    // JSON
    f.add(new Form("json", "{\"postgresql_password\": \"Js0nPgSecret1\", \"postgresql_username\": \"cloudify\"}",
        "Js0nPgSecret1", "postgresql_password"));
    f.add(new Form("json compact", "{\"admin_password\":\"Js0nAdminSecret2\",\"user\":\"admin\"}",
        "Js0nAdminSecret2", "admin_password"));
    f.add(new Form("json api_token", "{\"api_token\": \"Js0nTokSecret3\"}", "Js0nTokSecret3", "api_token"));
    f.add(new Form("json escaped quote inside", "{\"password\": \"ab\\\"Js0nEscSecret4\"}", "Js0nEscSecret4",
        "password"));
    f.add(new Form("json number", "{\"token\": 7718294455120}", "7718294455120", "token"));
    f.add(new Form("json nested object", "{\"credentials\": {\"user\": \"u\", \"pass\": \"Js0nNestSecret5\"}}",
        "Js0nNestSecret5", "credentials"));
    f.add(new Form("json escaped in a string", "config = {\\\"postgresql_password\\\": \\\"Js0nInStrSecret6\\\"}",
        "Js0nInStrSecret6", "postgresql_password"));
    f.add(new Form("json private_key", "{\"private_key\": \"Js0nPkSecret7\", \"user\": \"centos\"}",
        "Js0nPkSecret7", "private_key"));
    // Python repr
    f.add(new Form("python dict", "KeyError: {'postgresql_password': 'PyDictSecret1'}", "PyDictSecret1",
        "postgresql_password"));
    f.add(new Form("python u''", "{'postgresql_password': u'PyUniSecret2', 'postgresql_host': u'db'}",
        "PyUniSecret2", "postgresql_password"));
    f.add(new Form("python b''", "{'password': b'PyBytesSecret3'}", "PyBytesSecret3", "password"));
    f.add(new Form("python u'' key", "{u'secret_key': u'PyUkeySecret4'}", "PyUkeySecret4", "secret_key"));
    f.add(new Form("python kwargs", "psycopg2.connect(host='db', password='PyKwSecret5', dbname='cloudify_db')",
        "PyKwSecret5", "password="));
    f.add(new Form("python kwargs double quotes", "connect(password=\"PyKwdqSecret6\")", "PyKwdqSecret6",
        "password="));
    f.add(new Form("python key=u''", "postgresql_password=u'PyKwUniSecret7'", "PyKwUniSecret7",
        "postgresql_password="));
    // YAML
    f.add(new Form("yaml", "postgresql_server:\n  postgresql_password: YamlSecret1 with spaces\n  ssl: true",
        "YamlSecret1", "postgresql_password:"));
    f.add(new Form("yaml quoted", "manager:\n  security:\n    admin_password: 'YamlQSecret2'\n", "YamlQSecret2",
        "admin_password:"));
    f.add(new Form("yaml list item", "users:\n- username: bob\n  password: YamlListSecret3\n",
        "YamlListSecret3", "password:"));
    f.add(new Form("yaml block scalar", "inputs:\n  ssh_key: |\n    AAAAB3NzaYamlBlockSecret4\n    second line\nnext: 1",
        "YamlBlockSecret4", "ssh_key:"));
    // key=value and key: value
    f.add(new Form("key=value", "login failed with password=KvSecret1 for admin", "KvSecret1", "password="));
    f.add(new Form("key = value", "password = KvSpaceSecret2", "KvSpaceSecret2", "password"));
    f.add(new Form("key='value'", "password='KvSqSecret3'", "KvSqSecret3", "password="));
    f.add(new Form("key=\"value\"", "password=\"KvDqSecret4\"", "KvDqSecret4", "password="));
    f.add(new Form("key: 'value'", "rejected: password: 'KvColonSecret5'", "KvColonSecret5", "password:"));
    f.add(new Form("key: \"value\"", "rejected: password: \"KvColonDqSecret6\"", "KvColonDqSecret6", "password:"));
    f.add(new Form("query string", "GET /x?api_key=KvQuerySecret7&size=10", "KvQuerySecret7", "api_key="));
    f.add(new Form("cli flag", "cfy_manager install --admin-password KvCliSecret8 --verbose", "KvCliSecret8",
        "--admin-password"));
    f.add(new Form("cli flag=", "pg_dump --password=KvCliEqSecret9 cloudify_db", "KvCliEqSecret9", "--password="));
    f.add(new Form("env", "PGPASSWORD=KvEnvSecret10 pg_dump -h db", "KvEnvSecret10", "PGPASSWORD="));
    f.add(new Form("dsn", "host=db user=cloudify password=KvDsnSecret11 dbname=cloudify_db", "KvDsnSecret11",
        "dbname=cloudify_db"));
    f.add(new Form("xml", "<user><password>XmlSecret1</password></user>", "XmlSecret1", "<password>"));
    // URLs with user:password
    f.add(new Form("postgresql url", "could not connect to postgresql://cloudify:UrlPgSecret1@db:5432/cloudify_db",
        "UrlPgSecret1", "postgresql://cloudify:"));
    f.add(new Form("amqp url", "amqp://cloudify:UrlAmqpSecret2@rabbitmq:5671/ refused", "UrlAmqpSecret2",
        "@rabbitmq:5671"));
    f.add(new Form("https url", "fetching https://admin:UrlHttpsSecret3@manager.example.com/api/v3.1/snapshots",
        "UrlHttpsSecret3", "manager.example.com"));
    f.add(new Form("url without user", "redis://:UrlRedisSecret4@cache:6379/0", "UrlRedisSecret4", "cache:6379"));
    f.add(new Form("userinfo without scheme", "rabbitmq user cloudify:UrlBareSecret5@10.0.0.5 refused",
        "UrlBareSecret5", "10.0.0.5"));
    // headers echoed back
    String basic = Base64.getEncoder().encodeToString("admin:HdrBasicPw1".getBytes(StandardCharsets.UTF_8));
    f.add(new Form("authorization basic", "GET /api/v3.1/executions HTTP/1.1\nHost: m\nAuthorization: Basic " + basic
        + "\nTenant: default_tenant", basic, "Authorization: Basic"));
    f.add(new Form("authorization bearer", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.HdrJwtSecret2",
        "HdrJwtSecret2", "Bearer"));
    f.add(new Form("authentication-token", "Authentication-Token: HdrTokSecret3\nTenant: t", "HdrTokSecret3",
        "Authentication-Token:"));
    f.add(new Form("api-token", "API-Token: HdrApiTokSecret4", "HdrApiTokSecret4", "API-Token"));
    f.add(new Form("execution-token", "Execution-Token: HdrExecTokSecret5", "HdrExecTokSecret5", "Execution-Token"));
    f.add(new Form("cookie", "Cookie: session=HdrCookieSecret6; csrf=x", "HdrCookieSecret6", "Cookie:"));
    f.add(new Form("set-cookie", "Set-Cookie: sid=HdrSetCookieSecret7; Path=/; HttpOnly", "HdrSetCookieSecret7",
        "Set-Cookie"));
    f.add(new Form("x-api-key", "X-Api-Key: HdrXApiKeySecret8", "HdrXApiKeySecret8", "X-Api-Key"));
    String proxy = Base64.getEncoder().encodeToString("p:HdrProxyPw9".getBytes(StandardCharsets.UTF_8));
    f.add(new Form("proxy-authorization", "Proxy-Authorization: Basic " + proxy, proxy, "Proxy-Authorization"));
    f.add(new Form("headers as python dict", "{'Authorization': 'Basic HdrDictSecret10=', 'Tenant': 't'}",
        "HdrDictSecret10", "Authorization"));
    f.add(new Form("wsgi environ", "'HTTP_AUTHORIZATION': 'Basic HdrWsgiSecret11=='", "HdrWsgiSecret11",
        "HTTP_AUTHORIZATION"));
    f.add(new Form("bare bearer", "sent Bearer eyJ0eXAi.HdrBareBearer12x.sig9 upstream", "HdrBareBearer12x",
        "Bearer"));
    // tokens, secrets and keys by name
    f.add(new Form("ctok", "token ctok-Ab12Cd-TokCtokSecret1 rejected", "TokCtokSecret1", "ctok-Ab12Cd-"));
    f.add(new Form("private_key yaml-ish", "private_key: TokPkSecret2", "TokPkSecret2", "private_key"));
    f.add(new Form("ssh_key=", "agent_config ssh_key=TokSshSecret3 user=centos", "TokSshSecret3", "user=centos"));
    f.add(new Form("aws secret", "aws_secret_access_key = TokAwsSecret4", "TokAwsSecret4", "aws_secret_access_key"));
    f.add(new Form("client_secret", "oauth client_secret: TokClientSecret5, scope: all", "TokClientSecret5",
        "client_secret"));
    f.add(new Form("access_token", "callback?access_token=TokAccessSecret6", "TokAccessSecret6", "access_token="));
    f.add(new Form("credentials string", "{\"credentials\": \"TokCredSecret7\"}", "TokCredSecret7", "credentials"));
    f.add(new Form("passphrase", "key_passphrase='TokPassphrase8'", "TokPassphrase8", "key_passphrase"));
    // PEM private keys
    f.add(new Form("pem rsa", "ssl: -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAPemRsaSecret1\nabc=\n"
        + "-----END RSA PRIVATE KEY----- loaded", "PemRsaSecret1", "BEGIN RSA PRIVATE KEY"));
    f.add(new Form("pem openssh escaped", "{\"key\": \"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaPemSshSecret2"
        + "\\n-----END OPENSSH PRIVATE KEY-----\\n\"}", "PemSshSecret2", "OPENSSH PRIVATE KEY"));
    f.add(new Form("pem truncated", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqPemCutSecret3", "PemCutSecret3",
        "BEGIN PRIVATE KEY"));
    f.add(new Form("pem encrypted", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOPemEncSecret4\n"
        + "-----END ENCRYPTED PRIVATE KEY-----", "PemEncSecret4", "ENCRYPTED PRIVATE KEY"));
    return f;
  }
}
