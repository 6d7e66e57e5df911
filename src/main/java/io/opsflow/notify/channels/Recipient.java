package io.opsflow.notify.channels;

/**
 * A person a message names (the one on call): how each channel can reach or mention them. Any of
 * the ids may be missing; a channel mentions the person only by what it knows.
 *
 * @param mobile DingTalk's {@code at.atMobiles}
 * @param dingtalkUserId DingTalk's {@code at.atUserIds}
 * @param wecomUserId WeCom's {@code <@userid>}
 * @param feishuUserId Feishu's {@code <at id=...>}
 */
public record Recipient(String userId, String displayName, String email, String mobile, String dingtalkUserId,
    String wecomUserId, String feishuUserId) {
}
