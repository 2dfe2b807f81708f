import { TRANSPORTS, describeContract } from './contract/describe-contract';

// A browser on `attest serve`: the same cases over HTTP, files uploaded and downloaded.
describeContract(TRANSPORTS.http);
