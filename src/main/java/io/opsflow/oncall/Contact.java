package io.opsflow.oncall;

/**
 * How to reach a person: to mail them or mention them in a chat message.
 *
 * @param displayName first and last name of the Camunda profile, or the user id when it has none
 * @param email the contact e-mail set in OpsFlow, else the Camunda profile's e-mail; null when neither
 * @param mobile digits with an optional leading {@code +}; DingTalk mentions people by mobile
 * @param dingtalkUserId the id DingTalk robots mention ({@code at.atUserIds})
 * @param wecomUserId the id WeCom robots mention ({@code <@userid>})
 * @param feishuUserId the Feishu/Lark user id (open id) a card mentions
 */
public record Contact(String userId, String displayName, String email, String mobile, String dingtalkUserId,
    String wecomUserId, String feishuUserId) {
}
