import { TRANSPORTS, describeContract } from './contract/describe-contract';

// The desktop app and the CLI: calls straight into the dispatcher, files by path.
describeContract(TRANSPORTS.direct);
