// Validates rendered manifests offline, one case per argument:
//   node validate.mjs <overlay>:<rendered.yaml>:<secrets.yaml>:valid|invalid[:what] ...
// A case marked invalid (a deliberately broken copy, from ./validate) must produce at least one error.
//
// - Kubernetes' own kinds: kubernetes-models' validate() (types, enums, required fields, formats) plus a
//   walk over @kubernetes/client-node's type maps that refuses unknown fields, as `kubectl apply` does
//   with strict field validation (kubernetes-models alone lets `replica: 1` through).
// - Strimzi, ECK and MySQL Operator resources: their CRDs' openAPIV3Schema (crds/, from the operators'
//   releases) with Ajv, unknown fields refused where the schema does not keep them.
// - References: every ConfigMap and Secret a workload names exists with the key it reads (the Secrets
//   are those make-secrets produces), and the Kafka topics are those of deploy/local/topics.txt.
// Prints one line per error; exits 1 if any case came out other than expected.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import Ajv from 'ajv';
import * as clientModels from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';

const here = dirname(fileURLToPath(import.meta.url));
let overlay;
let errors;
const fail = (object, message) => errors.push(`${overlay}: ${object.kind}/${object.metadata?.name}: ${message}`);

function documents(file) {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((d) => {
    if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
    return d.toJS();
  }).filter((o) => o);
}

// --- Kubernetes' own kinds ---------------------------------------------------------------------------
async function kubernetesModel(apiVersion, kind) {
  const path = apiVersion.includes('/') ? apiVersion : `v1`;
  try {
    return (await import(`kubernetes-models/${path}/${kind}`))[kind];
  } catch {
    return undefined;
  }
}

function clientType(apiVersion, kind) {
  const version = apiVersion.split('/').pop();
  return `V${version.slice(1)}${kind}`;
}

const SCALARS = new Set(['string', 'number', 'boolean', 'Date', 'any', 'object', 'IntOrString', 'RequestBody']);

function unknownFields(data, type, path, report) {
  if (data === null || data === undefined || SCALARS.has(type)) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(data)) data.forEach((item, i) => unknownFields(item, array[1], `${path}/${i}`, report));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof data === 'object') for (const [k, v] of Object.entries(data)) unknownFields(v, map[1], `${path}/${k}`, report);
    return;
  }
  const model = clientModels[type];
  if (!model?.getAttributeTypeMap || typeof data !== 'object' || Array.isArray(data)) return;
  const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, value] of Object.entries(data)) {
    if (!attributes.has(key)) report(`${path}/${key}: unknown field`);
    else unknownFields(value, attributes.get(key), `${path}/${key}`, report);
  }
}

// --- Operators' kinds ----------------------------------------------------------------------------------
// Like the API server with strict field validation: an object schema that lists its properties refuses
// others unless it says x-kubernetes-preserve-unknown-fields.
function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'enum' || k === 'default' || k === 'example' ? v : strict(v)]));
  if (copy.properties && copy.additionalProperties === undefined && !copy['x-kubernetes-preserve-unknown-fields']) {
    copy.additionalProperties = false;
  }
  return copy;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const crdSchemas = new Map();
for (const file of readdirSync(join(here, 'crds')).filter((f) => f.endsWith('.yaml'))) {
  for (const crd of documents(join(here, 'crds', file))) {
    if (crd.kind !== 'CustomResourceDefinition') continue;
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      const schema = strict(version.schema.openAPIV3Schema);
      schema.properties = { ...schema.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
      crdSchemas.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, { schema, validate: null, file });
    }
  }
}

function validateCustom(object) {
  const entry = crdSchemas.get(`${object.apiVersion}/${object.kind}`);
  if (!entry) return false;
  entry.validate ??= ajv.compile(entry.schema);
  if (!entry.validate(object)) {
    for (const e of entry.validate.errors) {
      const extra = e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : '';
      fail(object, `${e.instancePath || '/'} ${e.message}${extra} (${entry.file})`);
    }
  }
  unknownFields(object.metadata, 'V1ObjectMeta', '/metadata', (m) => fail(object, m));
  return true;
}

// --- References -------------------------------------------------------------------------------------------
function podSpecs(object) {
  const spec = object.spec ?? {};
  if (spec.template?.spec) return [spec.template.spec];
  return [];
}

function checkReferences(objects, secrets) {
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]));
  const secretKeys = new Map(secrets.map((s) => [s.metadata.name, { ...(s.stringData ?? {}), ...(s.data ?? {}) }]));
  for (const object of objects) {
    for (const pod of podSpecs(object)) {
      for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
        for (const env of container.env ?? []) {
          const cm = env.valueFrom?.configMapKeyRef;
          if (cm && !(configMaps.get(cm.name) && cm.key in configMaps.get(cm.name)) && !cm.optional) {
            fail(object, `env ${env.name}: ConfigMap ${cm.name} has no key ${cm.key}`);
          }
          const secret = env.valueFrom?.secretKeyRef;
          if (secret && !secret.optional && !(secretKeys.get(secret.name) && secret.key in secretKeys.get(secret.name))) {
            fail(object, `env ${env.name}: make-secrets makes no Secret ${secret.name} with key ${secret.key}`);
          }
        }
      }
      for (const volume of pod.volumes ?? []) {
        if (volume.configMap && !configMaps.has(volume.configMap.name)) fail(object, `volume ${volume.name}: no ConfigMap ${volume.configMap.name}`);
      }
    }
  }
  for (const object of objects.filter((o) => o.kind === 'InnoDBCluster')) {
    const s = secretKeys.get(object.spec.secretName);
    if (!s || !['rootUser', 'rootHost', 'rootPassword'].every((k) => k in s)) fail(object, `Secret ${object.spec.secretName} needs rootUser, rootHost, rootPassword`);
  }
  for (const object of objects.filter((o) => o.kind === 'Elasticsearch')) {
    for (const realm of object.spec.auth?.fileRealm ?? []) {
      const s = secretKeys.get(realm.secretName);
      if (!s || !['username', 'password', 'roles'].every((k) => k in s)) fail(object, `Secret ${realm.secretName} needs username, password, roles`);
    }
  }
}

function checkTopics(objects) {
  const local = readFileSync(join(here, '../local/topics.txt'), 'utf8');
  const wanted = local.split('\n').filter((l) => l.trim() && !l.startsWith('#')).flatMap((l) => {
    const name = l.trim().split(/\s+/)[0];
    return [name, `${name}-dlt`];
  }).sort();
  const generated = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('kafka-topics'));
  if (generated && generated.data['topics.txt'] !== local) {
    errors.push(`${overlay}: overlays/${overlay}/topics.txt differs from deploy/local/topics.txt`);
  }
  const topics = objects.filter((o) => o.kind === 'KafkaTopic');
  if (topics.length) {
    const names = topics.map((t) => t.spec.topicName ?? t.metadata.name).sort();
    if (JSON.stringify(names) !== JSON.stringify(wanted)) {
      errors.push(`${overlay}: KafkaTopics ${names.join(' ')} are not deploy/local/topics.txt's ${wanted.join(' ')}`);
    }
    for (const t of topics) {
      if (t.spec.replicas < 3 || Number(t.spec.config?.['min.insync.replicas']) !== 2) fail(t, 'needs replicas 3 and min.insync.replicas 2');
    }
  }
  for (const kafka of objects.filter((o) => o.kind === 'Kafka')) {
    const config = kafka.spec.kafka?.config ?? {};
    if (Number(config['default.replication.factor']) !== 3 || Number(config['min.insync.replicas']) !== 2) {
      fail(kafka, 'needs default.replication.factor 3 and min.insync.replicas 2');
    }
  }
  if (!generated && !topics.length) errors.push(`${overlay}: creates no Kafka topics`);
}

// --- Main -----------------------------------------------------------------------------------------------------
async function validateCase(renderedFile, secretsFile) {
  const objects = documents(renderedFile);
  const secrets = documents(secretsFile);
  for (const object of [...objects, ...secrets]) {
    if (!object.apiVersion || !object.kind || !object.metadata?.name) {
      errors.push(`${overlay}: an object without apiVersion, kind or metadata.name: ${JSON.stringify(object).slice(0, 120)}`);
      continue;
    }
    if (validateCustom(object)) continue;
    const Model = await kubernetesModel(object.apiVersion, object.kind);
    if (!Model) {
      fail(object, `no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    if (object.kind === 'Secret' && object.data) {
      // kustomize wraps base64 at 70 characters; the API server's decoder skips the line breaks.
      object.data = Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, String(v).replace(/\s/g, '')]));
    }
    try {
      new Model(object).validate();
    } catch (e) {
      fail(object, e.message);
    }
    unknownFields(object, clientType(object.apiVersion, object.kind), '', (m) => fail(object, m));
  }
  checkReferences(objects, secrets);
  checkTopics(objects);
  const counts = {};
  for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return `${objects.length} objects (${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}), ${secrets.length} Secrets from make-secrets`;
}

let unexpected = 0;
for (const spec of process.argv.slice(2)) {
  const [name, renderedFile, secretsFile, expected, what] = spec.split(':');
  overlay = name;
  errors = [];
  const summary = await validateCase(renderedFile, secretsFile);
  if (expected === 'valid') {
    for (const e of errors) console.log(`ERROR ${e}`);
    if (errors.length) unexpected++;
    else console.log(`${overlay}: valid: ${summary}`);
  } else if (errors.length) {
    console.log(`self-test: refused ${what}: ${errors[0].slice(0, 160)}`);
  } else {
    console.log(`self-test: ${what} was NOT refused`);
    unexpected++;
  }
}
process.exit(unexpected ? 1 : 0);
