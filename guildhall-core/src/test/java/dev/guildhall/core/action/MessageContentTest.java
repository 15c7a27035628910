package dev.guildhall.core.action;

import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageContentTest {

    @Test
    void aMessagePingsNoOneUnlessAsked() {
        assertThat(MessageContent.text("@everyone <@&42> <@7>").mentions()).isEqualTo(Mentions.none());
        assertThat(MessageContent.embed(new Embed("t", "d", List.of(), 0)).mentions().isNone()).isTrue();
        assertThat(new MessageContent("x", List.of(), List.of()).mentions().isNone()).isTrue();
        assertThat(new MessageContent("x", List.of(), List.of(), null).mentions().isNone()).isTrue();
    }

    @Test
    void askedMentionsSurviveAddingButtons() {
        MessageContent message = MessageContent.text("<@7> you are up")
                .withMentions(Mentions.users(List.of(UserId.of(7))))
                .withButtons(List.of(new ButtonSpec("frolf:x", "Go", ButtonSpec.Style.PRIMARY)));

        assertThat(message.mentions().users()).containsExactly(UserId.of(7));
        assertThat(message.mentions().roles()).isEmpty();
    }

    @Test
    void discordsCapOfAHundredPerListIsKept() {
        List<RoleId> roles = LongStream.rangeClosed(1, 101).mapToObj(RoleId::of).toList();

        assertThatThrownBy(() -> Mentions.roles(roles)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100");
        assertThat(Mentions.roles(roles.subList(0, 100)).roles()).hasSize(100);
    }
}
