/**
 * Meta's error envelope and the codes the fake can be scripted to answer with. Titles follow Meta's error-code
 * reference (handbook whatsapp-cloud-api.md §8); HTTP statuses are what the Cloud API answers with in practice.
 */
export interface FakeErrorSpec {
  httpStatus: number;
  type: string;
  message: string;
  details: string;
}

const spec = (httpStatus: number, type: string, message: string, details: string): FakeErrorSpec => ({ httpStatus, type, message, details });

export const FAKE_ERRORS: Record<number, FakeErrorSpec> = {
  0: spec(401, 'OAuthException', '(#0) AuthException', 'We were unable to authenticate the app user.'),
  1: spec(500, 'OAuthException', '(#1) An unknown error occurred', 'An unknown error occurred.'),
  2: spec(503, 'OAuthException', '(#2) Service temporarily unavailable', 'Service temporarily unavailable.'),
  4: spec(400, 'OAuthException', '(#4) Application request limit reached', 'The app has reached its API call rate limit.'),
  10: spec(403, 'OAuthException', '(#10) Permission denied', 'Permission is either not granted or has been removed.'),
  100: spec(400, 'OAuthException', '(#100) Invalid parameter', 'A parameter was invalid.'),
  131008: spec(400, 'OAuthException', '(#131008) Required parameter is missing', 'A required parameter is missing.'),
  190: spec(401, 'OAuthException', 'Error validating access token: Session has expired.', 'The access token has expired or is invalid.'),
  200: spec(403, 'OAuthException', '(#200) Permissions error', 'The app lacks a permission needed for this call.'),
  368: spec(400, 'OAuthException', '(#368) Temporarily blocked for policies violations', 'The account is blocked for violating platform policy.'),
  80007: spec(400, 'OAuthException', '(#80007) Rate limit issues', 'The WhatsApp Business Account has reached its rate limit.'),
  130429: spec(429, 'OAuthException', '(#130429) Rate limit hit', 'Cloud API message throughput has been reached.'),
  131000: spec(500, 'OAuthException', '(#131000) Something went wrong', 'Message failed to send due to an unknown error.'),
  131016: spec(503, 'OAuthException', '(#131016) Service unavailable', 'A service is temporarily unavailable.'),
  131026: spec(400, 'OAuthException', '(#131026) Message undeliverable', 'Unable to deliver message to this recipient.'),
  131031: spec(400, 'OAuthException', '(#131031) Account has been locked', 'The business account was locked.'),
  131047: spec(400, 'OAuthException', '(#131047) Re-engagement message', 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.'),
  131048: spec(400, 'OAuthException', '(#131048) Spam rate limit hit', 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.'),
  131051: spec(400, 'OAuthException', '(#131051) Unsupported message type', 'Message type is not currently supported.'),
  131052: spec(400, 'OAuthException', '(#131052) Media download error', "Unable to download the media sent by the user."),
  131053: spec(400, 'OAuthException', '(#131053) Media upload error', 'Unable to upload the media used in the message.'),
  131056: spec(400, 'OAuthException', '(#131056) (Business Account, Consumer Account) pair rate limit hit', 'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.'),
  132000: spec(400, 'OAuthException', '(#132000) Number of parameters does not match the expected number of params', 'The number of variable parameter values does not match the number of variables the template defines.'),
  132001: spec(404, 'OAuthException', '(#132001) Template name does not exist in the translation', 'The template does not exist in the specified language or has not been approved.'),
  132005: spec(400, 'OAuthException', '(#132005) Translated text too long', 'The translated text is too long.'),
  132007: spec(400, 'OAuthException', '(#132007) Template Format Character Policy Violated', 'Template content violates a WhatsApp policy.'),
  132012: spec(400, 'OAuthException', '(#132012) Template Parameter Format Mismatch', 'Variable parameter values are formatted incorrectly.'),
  132015: spec(400, 'OAuthException', '(#132015) Template is Paused', 'The template is paused due to low quality.'),
  132016: spec(400, 'OAuthException', '(#132016) Template is Disabled', 'The template has been paused too many times and is permanently disabled.'),
};

/** Meta's error body: {error:{message,type,code,error_data:{messaging_product,details},fbtrace_id}}. */
export function graphErrorBody(code: number, { details, subcode, fbtraceId }: { details?: string; subcode?: number; fbtraceId: string }) {
  const known = FAKE_ERRORS[code] ?? spec(400, 'OAuthException', `(#${code}) Error`, 'Error.');
  return {
    httpStatus: known.httpStatus,
    body: {
      error: {
        message: known.message,
        type: known.type,
        code,
        error_data: { messaging_product: 'whatsapp', details: details ?? known.details },
        ...(subcode !== undefined ? { error_subcode: subcode } : {}),
        fbtrace_id: fbtraceId,
      },
    },
  };
}

/** Unknown object ids (a phone number id or media id the token cannot see) get Graph's generic method error. */
export function unknownObjectBody(id: string, method: 'get' | 'post', fbtraceId: string) {
  return {
    httpStatus: 400,
    body: {
      error: {
        message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
        type: 'GraphMethodException',
        code: 100,
        error_subcode: 33,
        fbtrace_id: fbtraceId,
      },
    },
  };
}
